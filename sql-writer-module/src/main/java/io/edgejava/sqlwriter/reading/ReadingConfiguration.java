package io.edgejava.sqlwriter.reading;

import io.edgejava.edge.EdgeHub;
import io.edgejava.sqlwriter.store.MeasurementStore;
import io.edgejava.sqlwriter.store.RefusedMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import tools.jackson.databind.json.JsonMapper;

/** The flow from input {@code readings} to the database. */
@Configuration(proxyBeanMethods = false)
class ReadingConfiguration {

    /** As in the route {@code alertsToWriter} of the deployment manifest. */
    static final String INPUT = "readings";

    @Bean
    IntegrationFlow readingsToDatabase(
            EdgeHub hub, JsonMapper json, MeasurementStore store, RefusedMessages refused) {
        ReadingWriter writer = new ReadingWriter(new ReadingParser(json), store);
        return IntegrationFlow.from(hub.input(INPUT))
                .handle(refused.countingReadings(writer))
                .get();
    }
}
