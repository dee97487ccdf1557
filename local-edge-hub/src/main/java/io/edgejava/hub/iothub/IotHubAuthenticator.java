package io.edgejava.hub.iothub;

import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import io.edgejava.hub.identity.ModuleDirectory;
import io.edgejava.hub.identity.ModuleKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lets a client in as IoT Hub and edgeHub do: client id {@code {device}/{module}}, user name {@code
 * {hub host}/{device}/{module}/?api-version=...}, and a SAS token for that module as the password,
 * signed with the module's key and not expired.
 */
public final class IotHubAuthenticator {

    /** Prefix of the names of the listeners that speak IoT Hub's dialect. */
    public static final String LISTENER_PREFIX = "iothub-";

    private final String hostName;
    private final List<String> audienceHosts;
    private final String deviceId;
    private final ModuleDirectory modules;
    private final ModuleKeys keys;
    private final Duration clockSkew;
    private final Clock clock;

    /** Why a client is refused: the CONNACK's reason code, the reason, and a tag for counters. */
    public record Refusal(ConnackReasonCode code, String reason, String tag) {}

    /**
     * @param hostName the IoT hub host name modules name in their user names and tokens
     * @param gatewayHostNames the gateway host names a token's audience may also name
     * @param deviceId the hub's device id
     * @param modules the deployment's modules
     * @param keys the modules' keys
     * @param clockSkew how long after its expiry a token is still accepted
     * @param clock the time
     */
    public IotHubAuthenticator(
            String hostName,
            List<String> gatewayHostNames,
            String deviceId,
            ModuleDirectory modules,
            ModuleKeys keys,
            Duration clockSkew,
            Clock clock) {
        this.hostName = hostName;
        this.audienceHosts = Stream.concat(Stream.of(hostName), gatewayHostNames.stream()).toList();
        this.deviceId = deviceId;
        this.modules = modules;
        this.keys = keys;
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    /**
     * @param connect the CONNECT packet
     * @return empty when the client may connect, otherwise why not
     */
    public Optional<Refusal> check(ConnectPacket connect) {
        String clientId = connect.getClientId();
        int slash = clientId.indexOf('/');
        if (slash <= 0 || clientId.indexOf('/', slash + 1) >= 0) {
            return refuse(
                    ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                    "client id '" + clientId + "' must be {device}/{module} on IoT Hub's endpoint",
                    "client-id-mismatch");
        }
        String device = clientId.substring(0, slash);
        String module = clientId.substring(slash + 1);
        if (!deviceId.equals(device)) {
            return refuse(
                    ConnackReasonCode.NOT_AUTHORIZED,
                    "device '" + device + "' is not this hub's device '" + deviceId + "'",
                    "unknown-device");
        }
        if (!modules.isKnown(module)) {
            return refuse(
                    ConnackReasonCode.NOT_AUTHORIZED,
                    "module '" + module + "' is not in the deployment manifest",
                    "unknown-module");
        }
        String userName = connect.getUserName().orElse("");
        String expected = hostName + "/" + clientId + "/?";
        if (!userName.startsWith(expected) || !userName.contains("api-version=")) {
            return refuse(
                    ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD,
                    "user name '"
                            + userName
                            + "' must be '"
                            + expected
                            + "api-version=...' (IoT Hub's form, with hub host name '"
                            + hostName
                            + "')",
                    "user-name");
        }
        String password = connect.getPassword().map(IotHubAuthenticator::text).orElse("");
        try {
            SasToken.parse(password)
                    .verify(
                            audienceHosts,
                            device,
                            module,
                            keys.keyOf(module),
                            clock.instant(),
                            clockSkew);
        } catch (SasToken.InvalidSasTokenException e) {
            return refuse(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, e.getMessage(), "sas-token");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(ConnackReasonCode code, String reason, String tag) {
        return Optional.of(new Refusal(code, reason, tag));
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }
}
