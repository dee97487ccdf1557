package io.edgejava.hub.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The modules of the deployment, and which of them are connected now.
 *
 * <p>A module that reconnects takes its session over from its old connection, and the old
 * connection's disconnect can be reported after the new connection's start. Counting connections
 * per module, rather than keeping a flag, keeps that order from marking a connected module away.
 */
public final class ModuleDirectory {

    private final Set<String> known;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    /**
     * @param known the modules the manifest deploys
     */
    public ModuleDirectory(Set<String> known) {
        this.known = Set.copyOf(known);
    }

    /**
     * @return the modules the manifest deploys
     */
    public Set<String> known() {
        return known;
    }

    /**
     * @param moduleId a module id
     * @return whether the manifest deploys it
     */
    public boolean isKnown(String moduleId) {
        return known.contains(moduleId);
    }

    /**
     * @param moduleId a module id
     * @return whether it has a connection open now
     */
    public boolean isConnected(String moduleId) {
        Connection connection = connections.get(moduleId);
        return connection != null && connection.count() > 0;
    }

    /**
     * @param moduleId a module id
     * @return since when it has been connected, if it is
     */
    public Optional<Instant> connectedSince(String moduleId) {
        return Optional.ofNullable(connections.get(moduleId))
                .filter(connection -> connection.count() > 0)
                .map(Connection::since);
    }

    void connected(String moduleId) {
        connections.merge(
                moduleId,
                new Connection(1, Instant.now()),
                (old, fresh) -> new Connection(old.count() + 1, fresh.since()));
    }

    void disconnected(String moduleId) {
        connections.computeIfPresent(
                moduleId,
                (id, old) ->
                        old.count() <= 1 ? null : new Connection(old.count() - 1, old.since()));
    }

    private record Connection(int count, Instant since) {}
}
