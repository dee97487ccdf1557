package io.edgejava.hub.identity;

import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import io.edgejava.hub.iothub.IotHubDialect;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@link SubscriptionPolicy} to modules; observers may read everything. A refused
 * subscription gets a SUBACK with NOT_AUTHORIZED and the reason; the client stays connected.
 */
public final class ModuleSubscriptionAuthorizer implements SubscriptionAuthorizer {

    private static final Logger log = LoggerFactory.getLogger(ModuleSubscriptionAuthorizer.class);

    private final MeterRegistry meters;

    public ModuleSubscriptionAuthorizer(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void authorizeSubscribe(
            SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
        String clientId = input.getClientInformation().getClientId();
        String module = IotHubDialect.moduleOf(clientId);
        String filter = input.getSubscription().getTopicFilter();
        if (Observers.isObserver(module)
                || (IotHubDialect.isIotHubClient(clientId)
                        && IotHubDialect.isPrivateFilter(filter))) {
            // Observers read everything; an SDK client's twin answers are sent to it alone.
            output.authorizeSuccessfully();
            return;
        }
        SubscriptionPolicy.check(module, filter)
                .ifPresentOrElse(
                        reason -> {
                            log.warn("Refused subscription: {}", reason);
                            meters.counter("hub.subscriptions.refused").increment();
                            output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, reason);
                        },
                        output::authorizeSuccessfully);
    }
}
