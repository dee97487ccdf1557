package io.edgejava.deployment;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published IoT Edge deployment schemas, from the vendored copies under {@code schemas/} on the
 * test classpath (see the README there): the schemas refer to each other by their schemastore.org
 * addresses, which are mapped to those copies, so nothing is fetched.
 */
final class DeploymentSchemas {

    private static final String PUBLISHED = "https://json.schemastore.org/";

    /**
     * Draft 4, knowing the two keywords the schemas use from later drafts. Both are annotations,
     * which validate nothing; declared, they are not logged as unknown on every run.
     */
    private static final Dialect DRAFT_4 =
            Dialect.builder(Dialects.getDraft4())
                    .keyword(new AnnotationKeyword("examples"))
                    .keyword(new AnnotationKeyword("contentMediaType"))
                    .build();

    private static final SchemaRegistry registry =
            SchemaRegistry.withDialect(
                    DRAFT_4,
                    builder ->
                            builder.schemaIdResolvers(
                                    ids -> ids.mapPrefix(PUBLISHED, "classpath:schemas/")));

    private static final Schema template = load("azure-iot-edge-deployment-template-4.0.json");
    private static final Schema edgeAgent = load("azure-iot-edgeagent-deployment-1.1.json");
    private static final Schema edgeHub = load("azure-iot-edgehub-deployment-1.2.json");

    private DeploymentSchemas() {}

    private static Schema load(String file) {
        Schema schema = registry.getSchema(SchemaLocation.of(PUBLISHED + file));
        // Resolve every $ref now, so that a reference the mapping misses fails here, not later.
        schema.initializeValidators();
        return schema;
    }

    /**
     * @param template a deployment template, as written
     * @return what the template schema 4.0 finds wrong, each naming the path; empty when valid
     */
    static List<String> template(JsonNode template) {
        return messages(DeploymentSchemas.template.validate(template));
    }

    /**
     * @param manifest a rendered deployment manifest
     * @return what the edgeAgent 1.1 schema finds wrong with its {@code $edgeAgent}
     */
    static List<String> edgeAgent(JsonNode manifest) {
        return messages(edgeAgent.validate(section(manifest, "$edgeAgent")));
    }

    /**
     * @param manifest a rendered deployment manifest
     * @return what the edgeHub 1.2 schema finds wrong with its {@code $edgeHub}
     */
    static List<String> edgeHub(JsonNode manifest) {
        return messages(edgeHub.validate(section(manifest, "$edgeHub")));
    }

    /** The agent and hub schemas describe a document holding only their own section. */
    private static JsonNode section(JsonNode manifest, String name) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.set(name, manifest.path("modulesContent").path(name));
        return document;
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }
}
