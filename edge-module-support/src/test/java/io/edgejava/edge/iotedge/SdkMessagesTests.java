package io.edgejava.edge.iotedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgejava.edge.EdgeHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

class SdkMessagesTests {

    @Test
    void anOutputMessageKeepsItsIdsContentTypeEncodingTimeAndApplicationProperties() {
        Message<byte[]> message =
                MessageBuilder.withPayload("{\"t\":1}".getBytes(StandardCharsets.UTF_8))
                        .setHeader(EdgeHeaders.MESSAGE_ID, "m-1")
                        .setHeader(EdgeHeaders.CORRELATION_ID, "c-1")
                        .setHeader(MessageHeaders.CONTENT_TYPE, "application/json")
                        .setHeader(EdgeHeaders.CONTENT_ENCODING, "utf-8")
                        .setHeader(EdgeHeaders.CREATION_TIME_UTC, "2026-11-28T08:00:00Z")
                        .setHeader(EdgeHeaders.PROPERTIES, Map.of("sequenceNumber", "7"))
                        .build();

        com.microsoft.azure.sdk.iot.device.Message sdk = SdkMessages.toSdk(message);

        assertThat(sdk.getBytes()).isEqualTo(message.getPayload());
        assertThat(sdk.getMessageId()).isEqualTo("m-1");
        assertThat(sdk.getCorrelationId()).isEqualTo("c-1");
        assertThat(sdk.getContentType()).isEqualTo("application/json");
        assertThat(sdk.getContentEncoding()).isEqualTo("utf-8");
        assertThat(sdk.getCreationTimeUTC().toInstant()).hasToString("2026-11-28T08:00:00Z");
        assertThat(sdk.getProperty("sequenceNumber")).isEqualTo("7");
    }

    @Test
    void noIdIsInventedForAnOutputMessageThatHasNone() {
        com.microsoft.azure.sdk.iot.device.Message sdk =
                SdkMessages.toSdk(MessageBuilder.withPayload(new byte[0]).build());

        assertThat(sdk.getMessageId()).isNull();
        assertThat(sdk.getCorrelationId()).isEmpty();
    }

    @Test
    void anApplicationPropertyNamedLikeASystemPropertyIsRefused() {
        Message<byte[]> message =
                MessageBuilder.withPayload(new byte[0])
                        .setHeader(EdgeHeaders.PROPERTIES, Map.of("$connectionModuleId", "x"))
                        .build();

        assertThatThrownBy(() -> SdkMessages.toSdk(message))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'$connectionModuleId' starts with '$'");
    }

    @Test
    void anInputMessageCarriesTheSendersIdsTheInputAndTheApplicationProperties() {
        com.microsoft.azure.sdk.iot.device.Message sdk =
                new com.microsoft.azure.sdk.iot.device.Message("{}");
        sdk.setMessageId("m-2");
        sdk.setContentType("application/json");
        sdk.setContentEncoding("utf-8");
        // As the SDK makes it from devices/d/modules/filter-module/inputs/input1/%24.cdid=...
        sdk.setConnectionModuleId("filter-module");
        sdk.setInputName("input1");
        sdk.setProperty("$.cdid", "local-edge-device");
        sdk.setProperty("$.cmid", "sensor-module");
        sdk.setProperty("$.on", "temperatureOutput");
        sdk.setProperty("$.ctime", "2026-11-28T08:00:00Z");
        sdk.setProperty("batchId", "b-1");

        Message<byte[]> message = SdkMessages.fromSdk(sdk);

        assertThat(message.getHeaders())
                .containsEntry(EdgeHeaders.MESSAGE_ID, "m-2")
                .containsEntry(MessageHeaders.CONTENT_TYPE, "application/json")
                .containsEntry(EdgeHeaders.CONTENT_ENCODING, "utf-8")
                .containsEntry(EdgeHeaders.CONNECTION_DEVICE_ID, "local-edge-device")
                .containsEntry(EdgeHeaders.CONNECTION_MODULE_ID, "sensor-module")
                .containsEntry(EdgeHeaders.INPUT_NAME, "input1")
                .containsEntry(EdgeHeaders.OUTPUT_NAME, "temperatureOutput")
                .containsEntry(EdgeHeaders.CREATION_TIME_UTC, "2026-11-28T08:00:00Z")
                .containsEntry(EdgeHeaders.PROPERTIES, Map.of("batchId", "b-1"));
    }
}
