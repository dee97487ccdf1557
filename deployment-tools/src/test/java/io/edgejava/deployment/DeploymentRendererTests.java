package io.edgejava.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Each rule of rendering a template, on a small template of its own. */
class DeploymentRendererTests {

    @TempDir Path folder;

    @BeforeEach
    void aModuleFolder() throws IOException {
        Files.createDirectories(folder.resolve("alpha"));
        Files.writeString(
                folder.resolve("alpha/module.json"),
                """
                {"$schema-version": "0.0.1",
                 "image": {"repository": "localhost:5000/alpha",
                           "tag": {"version": "0.1.0",
                                   "platforms": {"amd64": "D", "amd64.debug": "D.debug",
                                                 "arm64v8": "D", "arm64v8.debug": "D.debug"}}}}
                """);
    }

    private ObjectNode render(String modules, String hub, Map<String, String> variables)
            throws IOException {
        return render(modules, hub, variables, null, null);
    }

    private ObjectNode render(
            String modules, String hub, Map<String, String> variables, String registry, String tag)
            throws IOException {
        Path template =
                Files.writeString(
                        folder.resolve("deployment.template.json"),
                        """
                        {"$schema-template": "4.0.0",
                         "modulesContent": {
                           "$edgeAgent": {"properties.desired": {"modules": %s}},
                           "$edgeHub": {"properties.desired": %s}}}
                        """
                                .formatted(modules, hub));
        return new DeploymentRenderer()
                .render(
                        new RenderRequest(
                                "amd64",
                                registry,
                                tag,
                                folder.resolve(".env"),
                                false,
                                template,
                                folder.resolve("config")),
                        Variables.of(variables));
    }

    private static JsonNode module(ObjectNode manifest, String name) {
        return manifest.path("modulesContent")
                .path("$edgeAgent")
                .path("properties.desired")
                .path("modules")
                .path(name);
    }

    private static String image(String placeholder) {
        return "{\"m\": {\"settings\": {\"image\": \"" + placeholder + "\"}}}";
    }

    @Test
    void aModulePlaceholderBecomesTheImageForThePlatform() throws IOException {
        ObjectNode manifest = render(image("${MODULES.alpha}"), "{}", Map.of());

        assertThat(module(manifest, "m").path("settings").path("image").asString())
                .isEqualTo("localhost:5000/alpha:0.1.0-amd64");
    }

    @Test
    void theDebugPlaceholderBecomesTheDebugImageForThePlatform() throws IOException {
        ObjectNode manifest = render(image("${MODULES.alpha.debug}"), "{}", Map.of());

        assertThat(module(manifest, "m").path("settings").path("image").asString())
                .isEqualTo("localhost:5000/alpha:0.1.0-amd64.debug");
    }

    @Test
    void aPlaceholderNamingAPlatformKeepsThatPlatform() throws IOException {
        ObjectNode manifest = render(image("${MODULES.alpha.arm64v8}"), "{}", Map.of());

        assertThat(module(manifest, "m").path("settings").path("image").asString())
                .isEqualTo("localhost:5000/alpha:0.1.0-arm64v8");
    }

    @Test
    void theRegistryAndTagOptionsApplyToEveryModuleImage() throws IOException {
        ObjectNode manifest =
                render(image("${MODULES.alpha}"), "{}", Map.of(), "myregistry.azurecr.io", "1.2.3");

        assertThat(module(manifest, "m").path("settings").path("image").asString())
                .isEqualTo("myregistry.azurecr.io/alpha:1.2.3-amd64");
    }

    @Test
    void variablesWithAndWithoutBracesBecomeTheirValues() throws IOException {
        ObjectNode manifest =
                render(
                        "{\"m\": {\"env\": {\"A\": {\"value\": \"$USER_NAME:${PASS_WORD}!\"}}}}",
                        "{}",
                        Map.of("USER_NAME", "sa", "PASS_WORD", "p$ss"));

        assertThat(module(manifest, "m").path("env").path("A").path("value").asString())
                .isEqualTo("sa:p$ss!");
    }

    @Test
    void whatIoTEdgeWritesWithADollarIsLeftAlone() throws IOException {
        String route =
                "FROM /messages/modules/m/outputs/o WHERE $body.machine.temperature > 100 AND"
                        + " $connectionModuleId = 'm' INTO $upstream";
        ObjectNode manifest = render("{}", "{\"routes\": {\"r\": \"" + route + "\"}}", Map.of());

        assertThat(
                        manifest.path("modulesContent")
                                .path("$edgeHub")
                                .path("properties.desired")
                                .path("routes")
                                .path("r")
                                .asString())
                .isEqualTo(route);
        assertThat(manifest.path("modulesContent").has("$edgeAgent")).isTrue();
    }

    @Test
    void anUnknownVariableIsAnErrorNamingItAndWhereItIs() {
        assertThatThrownBy(
                        () ->
                                render(
                                        "{\"m\": {\"env\": {\"A\": {\"value\": \"$MISSING_ONE\"}}}}",
                                        "{}",
                                        Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown variable $MISSING_ONE")
                .hasMessageContaining(
                        "modulesContent.$edgeAgent.properties.desired.modules.m.env.A.value");
    }

    @Test
    void aModuleFolderWithoutModuleJsonIsAnErrorNamingIt() {
        assertThatThrownBy(() -> render(image("${MODULES.beta}"), "{}", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("module folder 'beta' has no module.json");
    }

    @Test
    void theTemplateSchemaVersionIsLeftOutAndCreateOptionsBecomeStrings() throws IOException {
        ObjectNode manifest =
                render(
                        "{\"m\": {\"settings\": {\"image\": \"i\", \"createOptions\": {\"A\": 1}}}}",
                        "{}",
                        Map.of());

        assertThat(manifest.has("$schema-template")).isFalse();
        assertThat(module(manifest, "m").path("settings").path("createOptions").asString())
                .isEqualTo("{\"A\":1}");
    }

    @Test
    void aValueIsNotReadAgainForPlaceholders() throws IOException {
        ObjectNode manifest =
                render(
                        "{\"m\": {\"env\": {\"A\": {\"value\": \"$TRICKY\"}}}}",
                        "{}",
                        Map.of("TRICKY", "${MODULES.alpha} $OTHER"));

        assertThat(module(manifest, "m").path("env").path("A").path("value").asString())
                .isEqualTo("${MODULES.alpha} $OTHER");
    }

    @Test
    void namesAreNeverExpanded() throws IOException {
        ObjectNode manifest =
                render("{\"$NOT_A_VALUE\": {\"settings\": {\"image\": \"i\"}}}", "{}", Map.of());

        assertThat(module(manifest, "$NOT_A_VALUE").isObject()).isTrue();
    }

    @Test
    void aNameTwiceInOneObjectIsAnError() throws IOException {
        Path template =
                Files.writeString(
                        folder.resolve("twice.json"), "{\"modulesContent\": {\"a\": 1, \"a\": 2}}");

        assertThatThrownBy(
                        () ->
                                new DeploymentRenderer()
                                        .render(
                                                new RenderRequest(
                                                        "amd64",
                                                        null,
                                                        null,
                                                        folder.resolve(".env"),
                                                        false,
                                                        template,
                                                        folder),
                                                Variables.of(Map.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not JSON")
                .hasMessageContaining("Duplicate");
    }
}
