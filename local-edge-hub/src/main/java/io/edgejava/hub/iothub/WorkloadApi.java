package io.edgejava.hub.iothub;

import io.edgejava.hub.identity.ModuleKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.URLDecoder;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of the IoT Edge runtime's workload API that the Azure IoT Device SDK uses: it signs a
 * module's SAS tokens with the module's key, which the module never holds, and gives out the CA
 * certificate to trust ({@code GET /trust-bundle}). One Unix domain socket per module, {@code
 * <folder>/<module>/workload.sock}; a socket signs for its own module only.
 *
 * <p>There are no module generations locally: any {@code genid} is accepted.
 */
final class WorkloadApi {

    private static final Logger log = LoggerFactory.getLogger(WorkloadApi.class);

    static final String SOCKET = "workload.sock";
    private static final Pattern SIGN = Pattern.compile("/modules/([^/]+)/genid/([^/]+)/sign");

    private final Path folder;
    private final Collection<String> modules;
    private final ModuleKeys keys;
    private final String trustBundle;
    private final JsonMapper json;
    private final List<ServerSocketChannel> sockets = new ArrayList<>();
    private volatile boolean running;

    WorkloadApi(
            Path folder,
            Collection<String> modules,
            ModuleKeys keys,
            String trustBundle,
            JsonMapper json) {
        this.folder = folder;
        this.modules = modules;
        this.keys = keys;
        this.trustBundle = trustBundle;
        this.json = json;
    }

    static Path socketOf(Path folder, String module) {
        return folder.resolve(module).resolve(SOCKET);
    }

    void start() {
        running = true;
        for (String module : modules) {
            Path socket = socketOf(folder, module);
            try {
                Files.createDirectories(socket.getParent());
                // A socket file left by a hub that did not stop cleanly blocks the bind.
                Files.deleteIfExists(socket);
                ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                server.bind(UnixDomainSocketAddress.of(socket));
                sockets.add(server);
                Thread acceptor = new Thread(() -> accept(server, module), "workload-" + module);
                acceptor.setDaemon(true);
                acceptor.start();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot open the workload API socket " + socket + ": " + e.getMessage(), e);
            }
        }
        log.info("Workload API: one socket per module in {}", folder.toAbsolutePath());
    }

    void stop() {
        running = false;
        for (ServerSocketChannel socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("Closing a workload socket: {}", e.getMessage());
            }
        }
        sockets.clear();
    }

    private void accept(ServerSocketChannel server, String module) {
        while (running) {
            try (SocketChannel client = server.accept()) {
                serve(module, Channels.newInputStream(client), Channels.newOutputStream(client));
            } catch (IOException e) {
                if (running) {
                    log.debug("A workload API connection failed: {}", e.getMessage());
                } else {
                    return;
                }
            }
        }
    }

    /** Answers one request on the socket of {@code module}. */
    void serve(String module, InputStream in, OutputStream out) throws IOException {
        HttpExchange request;
        try {
            request = HttpExchange.read(in);
        } catch (HttpExchange.BadRequestException e) {
            HttpExchange.answer(out, 400, message(e.getMessage()));
            return;
        }
        if (request.method().equals("GET") && request.path().equals("/trust-bundle")) {
            HttpExchange.answer(
                    out, 200, json.writeValueAsString(Map.of("certificate", trustBundle)));
            return;
        }
        Matcher sign = SIGN.matcher(request.path());
        if (!request.method().equals("POST") || !sign.matches()) {
            HttpExchange.answer(
                    out,
                    404,
                    message(
                            "the local workload API serves GET /trust-bundle and POST"
                                    + " /modules/{module}/genid/{genid}/sign"));
            return;
        }
        String asked = URLDecoder.decode(sign.group(1), StandardCharsets.UTF_8);
        if (!asked.equals(module)) {
            log.warn("Refused to sign for '{}' on the workload socket of '{}'", asked, module);
            HttpExchange.answer(
                    out,
                    403,
                    message(
                            "this is the workload socket of module '"
                                    + module
                                    + "'; it does not sign for '"
                                    + asked
                                    + "'"));
            return;
        }
        JsonNode body = request.jsonObject(json);
        if (body == null
                || !"primary".equals(body.path("keyId").asString(""))
                || !"HMACSHA256".equals(body.path("algo").asString(""))
                || !body.path("data").isString()) {
            HttpExchange.answer(
                    out,
                    400,
                    message(
                            "the body must be {\"keyId\":\"primary\",\"algo\":\"HMACSHA256\","
                                    + "\"data\":\"<base64>\"}"));
            return;
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(body.path("data").asString());
        } catch (IllegalArgumentException e) {
            HttpExchange.answer(out, 400, message("data is not base64"));
            return;
        }
        String digest = Base64.getEncoder().encodeToString(SasToken.sign(keys.keyOf(module), data));
        HttpExchange.answer(out, 200, json.writeValueAsString(Map.of("digest", digest)));
    }

    private String message(String text) {
        return json.writeValueAsString(Map.of("message", text));
    }
}
