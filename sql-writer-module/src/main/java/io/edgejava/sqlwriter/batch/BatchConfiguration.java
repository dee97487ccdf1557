package io.edgejava.sqlwriter.batch;

import io.edgejava.edge.EdgeHub;
import io.edgejava.sqlwriter.WriterProperties;
import io.edgejava.sqlwriter.store.MeasurementStore;
import io.edgejava.sqlwriter.store.RefusedMessages;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import tools.jackson.databind.json.JsonMapper;

/** The flow from input {@code batches} to the database. */
@Configuration(proxyBeanMethods = false)
class BatchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BatchConfiguration.class);

    /** As in the route {@code batchesToWriter} of the deployment manifest. */
    static final String INPUT = "batches";

    @Bean
    BatchFolder batchFolder(WriterProperties settings) {
        BatchFolder folder = new BatchFolder(Path.of(settings.batch().folder()));
        log.info("Batch files are read from {}", folder.path());
        return folder;
    }

    @Bean
    IntegrationFlow batchFilesToDatabase(
            EdgeHub hub,
            JsonMapper json,
            BatchFolder folder,
            MeasurementStore store,
            RefusedMessages refused) {
        BatchImporter importer = new BatchImporter(new ClaimCheckParser(json), folder, store);
        return IntegrationFlow.from(hub.input(INPUT))
                .handle(refused.countingBatches(importer))
                .get();
    }
}
