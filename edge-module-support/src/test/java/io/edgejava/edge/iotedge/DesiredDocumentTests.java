package io.edgejava.edge.iotedge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DesiredDocumentTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final DesiredDocument document = new DesiredDocument(json);

    @Test
    void theTwinsDesiredPropertiesAreTheWholeDocumentWithTheirVersion() {
        byte[] whole = document.replace("{\"SendData\":true,\"$version\":3}", 3);

        assertThat(text(whole)).isEqualTo("{\"SendData\":true,\"$version\":3}");
    }

    @Test
    void aPatchIsMergedIntoTheLastWholeDocument() {
        document.replace(
                "{\"SendData\":true,\"SendInterval\":2,\"limits\":{\"low\":1,\"high\":9}}", 1);

        byte[] whole = document.merge("{\"SendInterval\":5,\"limits\":{\"high\":12}}", 2);

        assertThat(json.readTree(whole))
                .isEqualTo(
                        json.readTree(
                                "{\"SendData\":true,\"SendInterval\":5,"
                                        + "\"limits\":{\"low\":1,\"high\":12},\"$version\":2}"));
    }

    @Test
    void aNullInAPatchRemovesTheProperty() {
        document.replace("{\"SendData\":true,\"SendInterval\":2}", 1);

        byte[] whole = document.merge("{\"SendInterval\":null}", 2);

        assertThat(json.readTree(whole))
                .isEqualTo(json.readTree("{\"SendData\":true,\"$version\":2}"));
    }

    @Test
    void anObjectReplacesAScalarAndAScalarAnObject() {
        document.replace("{\"a\":1,\"b\":{\"c\":2}}", 1);

        byte[] whole = document.merge("{\"a\":{\"x\":true},\"b\":7}", 2);

        assertThat(json.readTree(whole))
                .isEqualTo(json.readTree("{\"a\":{\"x\":true},\"b\":7,\"$version\":2}"));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
