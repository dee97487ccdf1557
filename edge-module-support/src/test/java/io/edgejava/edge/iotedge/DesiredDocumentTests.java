package io.edgejava.edge.iotedge;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.sdk.iot.device.twin.Twin;
import com.microsoft.azure.sdk.iot.device.twin.TwinCollection;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Desired properties merged as JSON merge patch (RFC 7396), whole document out each time. */
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

    @Test
    void aNullInsideANewObjectLeavesNoNullBehind() {
        document.replace("{\"a\":1}", 1);

        byte[] whole = document.merge("{\"limits\":{\"low\":null,\"high\":9}}", 2);

        assertThat(json.readTree(whole))
                .isEqualTo(json.readTree("{\"a\":1,\"limits\":{\"high\":9},\"$version\":2}"));
    }

    @Test
    void aPatchAsTheSdkParsesItKeepsItsNullsSoTheyRemoveProperties() {
        document.replace("{\"SendData\":true,\"SendInterval\":2}", 1);
        // How the SDK hands over a desired-properties patch from the hub.
        TwinCollection patch =
                Twin.createFromDesiredPropertyJson("{\"SendInterval\":null,\"$version\":2}")
                        .getDesiredProperties();

        byte[] whole = document.merge(patch.toJsonElement().toString(), patch.getVersion());

        assertThat(json.readTree(whole))
                .isEqualTo(json.readTree("{\"SendData\":true,\"$version\":2}"));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
