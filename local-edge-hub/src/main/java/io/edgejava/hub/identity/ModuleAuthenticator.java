package io.edgejava.hub.identity;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import io.edgejava.hub.iothub.IotHubAuthenticator;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a client in only as a module of the deployment, with that module's key: user name = module
 * id, password = module key, client id = module id; or as a read-only {@link Observers observer}.
 * Pinning the client id to the module id means a module's persistent session can never be taken
 * over by another identity.
 *
 * <p>On the listeners of the IoT Hub–compatible endpoint ({@code iothub-...}), clients are checked
 * as IoT Hub checks them instead ({@link IotHubAuthenticator}); neither kind of client is let in on
 * the other's listeners.
 */
public final class ModuleAuthenticator implements SimpleAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(ModuleAuthenticator.class);

    private final ModuleDirectory modules;
    private final ModuleKeys keys;
    private final MeterRegistry meters;
    private final Optional<IotHubAuthenticator> iotHub;

    /**
     * @param modules the deployment's modules
     * @param keys their keys
     * @param meters where refusals are counted
     * @param iotHub how clients of the IoT Hub–compatible endpoint are checked, when it is on
     */
    public ModuleAuthenticator(
            ModuleDirectory modules,
            ModuleKeys keys,
            MeterRegistry meters,
            Optional<IotHubAuthenticator> iotHub) {
        this.modules = modules;
        this.keys = keys;
        this.meters = meters;
        this.iotHub = iotHub;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        String clientId = connect.getClientId();
        boolean iotHubListener =
                input.getConnectionInformation()
                        .getListener()
                        .map(
                                listener ->
                                        listener.getName()
                                                .startsWith(IotHubAuthenticator.LISTENER_PREFIX))
                        .orElse(false);
        if (iotHubListener) {
            iotHub.flatMap(checks -> checks.check(connect))
                    .ifPresentOrElse(
                            refusal ->
                                    refuse(
                                            output,
                                            clientId,
                                            refusal.code(),
                                            refusal.reason(),
                                            refusal.tag()),
                            output::authenticateSuccessfully);
            return;
        }
        String module = connect.getUserName().orElse("");
        if (Observers.USER.equals(module)) {
            if (!Observers.isObserver(clientId)) {
                refuse(
                        output,
                        clientId,
                        ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                        "an observer's client id must start with '" + Observers.USER + "'",
                        "client-id-mismatch");
            } else if (!keys.matches(Observers.USER, bytes(connect.getPassword().orElse(null)))) {
                refuse(
                        output,
                        clientId,
                        ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD,
                        "wrong key for '" + Observers.USER + "'",
                        "wrong-key");
            } else {
                output.authenticateSuccessfully();
            }
        } else if (module.isEmpty()) {
            refuse(
                    output,
                    clientId,
                    ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD,
                    "no user name: connect with user name = module id, password = module key",
                    "no-user-name");
        } else if (!modules.isKnown(module)) {
            refuse(
                    output,
                    clientId,
                    ConnackReasonCode.NOT_AUTHORIZED,
                    "module '" + module + "' is not in the deployment manifest",
                    "unknown-module");
        } else if (!clientId.equals(module)) {
            refuse(
                    output,
                    clientId,
                    ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                    "client id '" + clientId + "' must equal the module id '" + module + "'",
                    "client-id-mismatch");
        } else if (!keys.matches(module, bytes(connect.getPassword().orElse(null)))) {
            refuse(
                    output,
                    clientId,
                    ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD,
                    "wrong key for module '" + module + "'",
                    "wrong-key");
        } else {
            output.authenticateSuccessfully();
        }
    }

    private void refuse(
            SimpleAuthOutput output,
            String clientId,
            ConnackReasonCode code,
            String reason,
            String tag) {
        log.warn("Refused connection of client '{}': {}", clientId, reason);
        meters.counter("hub.connections.refused", "reason", tag).increment();
        output.failAuthentication(code, reason);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return new byte[0];
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
