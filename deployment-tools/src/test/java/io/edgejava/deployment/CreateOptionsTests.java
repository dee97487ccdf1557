package io.edgejava.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** createOptions become compact JSON strings, cut into chunks of 512 like iotedgedev does. */
class CreateOptionsTests {

    private static final JsonMapper json = JsonMapper.builder().build();

    private static ObjectNode settings(String createOptions) {
        return (ObjectNode)
                json.readTree(
                        "{\"image\": \"x\", \"createOptions\": "
                                + createOptions
                                + ", \"after\": 1}");
    }

    /** Options of exactly this many characters as compact JSON. */
    private static String optionsOfLength(int length) {
        String frame = "{\"Env\":[\"\"]}";
        return "{\"Env\":[\"" + "a".repeat(length - frame.length()) + "\"]}";
    }

    @Test
    void anObjectBecomesCompactJson() {
        ObjectNode settings = settings("{ \"HostConfig\" : { \"Memory\" : 402653184 } }");

        CreateOptions.stringify(settings, "m", json);

        assertThat(settings.path("createOptions").asString())
                .isEqualTo("{\"HostConfig\":{\"Memory\":402653184}}");
        assertThat(settings.propertyNames()).containsExactly("image", "createOptions", "after");
    }

    @Test
    void optionsOf512CharactersStayInOneField() {
        ObjectNode settings = settings(optionsOfLength(512));

        CreateOptions.stringify(settings, "m", json);

        assertThat(settings.path("createOptions").asString()).hasSize(512);
        assertThat(settings.has("createOptions01")).isFalse();
    }

    @Test
    void longerOptionsAreCutIntoNumberedChunksInOrderThatJoinToTheWhole() {
        String options = optionsOfLength(512 * 2 + 10);
        ObjectNode settings = settings(options);

        CreateOptions.stringify(settings, "m", json);

        assertThat(settings.propertyNames())
                .containsExactly(
                        "image", "createOptions", "createOptions01", "createOptions02", "after");
        assertThat(settings.path("createOptions").asString()).hasSize(512);
        assertThat(settings.path("createOptions01").asString()).hasSize(512);
        assertThat(settings.path("createOptions02").asString()).hasSize(10);
        assertThat(
                        settings.path("createOptions").asString()
                                + settings.path("createOptions01").asString()
                                + settings.path("createOptions02").asString())
                .isEqualTo(options);
    }

    @Test
    void optionsAlreadyWrittenAsAStringAreCutToo() {
        String options = optionsOfLength(600);
        ObjectNode settings = settings(json.writeValueAsString(options));

        CreateOptions.stringify(settings, "m", json);

        assertThat(
                        settings.path("createOptions").asString()
                                + settings.path("createOptions01").asString())
                .isEqualTo(options);
    }

    @Test
    void eightChunksAreTheMostAndMoreIsAnErrorNamingTheModule() {
        ObjectNode eight = settings(optionsOfLength(512 * 8));
        CreateOptions.stringify(eight, "m", json);
        assertThat(eight.has("createOptions07")).isTrue();

        assertThatThrownBy(
                        () ->
                                CreateOptions.stringify(
                                        settings(optionsOfLength(512 * 8 + 1)), "big-module", json))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("createOptions of module big-module")
                .hasMessageContaining("4097 characters")
                .hasMessageContaining("at most 4096");
    }

    @Test
    void aChunkNeverEndsInsideACharacterOfTwoUtf16Units() {
        String text = "a".repeat(511) + "\uD83D\uDE00" + "b";

        List<String> chunks = CreateOptions.chunks(text);

        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0)).hasSize(511);
        assertThat(chunks.get(1)).isEqualTo("\uD83D\uDE00b");
    }

    @Test
    void settingsWithoutCreateOptionsStayAsTheyAre() {
        ObjectNode settings = (ObjectNode) json.readTree("{\"image\": \"x\"}");
        JsonNode before = settings.deepCopy();

        CreateOptions.stringify(settings, "m", json);

        assertThat(settings).isEqualTo(before);
        assertThat(new ArrayList<>(settings.propertyNames())).containsExactly("image");
    }
}
