package io.edgejava.hub.broker;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import io.edgejava.hub.identity.ConnectionTracker;
import io.edgejava.hub.identity.ModuleAuthenticator;
import io.edgejava.hub.identity.ModuleSubscriptionAuthorizer;
import io.edgejava.hub.iothub.IotHubDialect;

/** The embedded extension: plugs the hub's identity, isolation and routing into the broker. */
final class HubExtension implements ExtensionMain {

    private final ModuleAuthenticator authenticator;
    private final ModuleSubscriptionAuthorizer subscriptions;
    private final ConnectionTracker connections;
    private final HubPublishInterceptor publishes;
    private final IotHubDialect iotHub;

    HubExtension(
            ModuleAuthenticator authenticator,
            ModuleSubscriptionAuthorizer subscriptions,
            ConnectionTracker connections,
            HubPublishInterceptor publishes,
            IotHubDialect iotHub) {
        this.authenticator = authenticator;
        this.subscriptions = subscriptions;
        this.connections = connections;
        this.publishes = publishes;
        this.iotHub = iotHub;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Services.securityRegistry().setAuthenticatorProvider(provider -> authenticator);
        Services.securityRegistry().setAuthorizerProvider(provider -> subscriptions);
        Services.eventRegistry().setClientLifecycleEventListener(provider -> connections);
        Services.initializerRegistry()
                .setClientInitializer(
                        (initializer, client) -> {
                            client.addPublishInboundInterceptor(publishes);
                            if (IotHubDialect.isIotHubClient(
                                    initializer.getClientInformation().getClientId())) {
                                client.addSubscribeInboundInterceptor(iotHub.subscriptions());
                                client.addPublishOutboundInterceptor(iotHub.deliveries());
                            }
                        });
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {}
}
