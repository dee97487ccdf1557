package io.edgejava.hub.identity;

import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationFailedInput;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import io.edgejava.hub.iothub.IotHubDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the {@link ModuleDirectory} told which modules are connected. */
public final class ConnectionTracker implements ClientLifecycleEventListener {

    private static final Logger log = LoggerFactory.getLogger(ConnectionTracker.class);

    private final ModuleDirectory modules;

    public ConnectionTracker(ModuleDirectory modules) {
        this.modules = modules;
    }

    @Override
    public void onMqttConnectionStart(ConnectionStartInput input) {}

    @Override
    public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
        String module = IotHubDialect.moduleOf(input.getClientInformation().getClientId());
        modules.connected(module);
        log.info("Module '{}' connected", module);
    }

    /** A connection that failed authentication was never counted, so it is not uncounted. */
    @Override
    public void onAuthenticationFailedDisconnect(AuthenticationFailedInput input) {}

    @Override
    public void onDisconnect(DisconnectEventInput input) {
        String module = IotHubDialect.moduleOf(input.getClientInformation().getClientId());
        modules.disconnected(module);
        log.info("Module '{}' disconnected", module);
    }
}
