package io.edgejava.edge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgejava.edge.DirectMethod;
import io.edgejava.edge.MethodResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import tools.jackson.databind.json.JsonMapper;

class DirectMethodsTests {

    record Threshold(double value) {}

    static class Handlers {
        @DirectMethod("Set")
        Threshold set(Threshold requested) {
            return new Threshold(requested.value() * 2);
        }

        @DirectMethod("Raw")
        MethodResult raw(byte[] payload) {
            return new MethodResult(202, Map.of("length", payload.length));
        }

        @DirectMethod("Broken")
        void broken() {
            throw new IllegalStateException("broken on purpose");
        }
    }

    private final DirectMethods methods =
            new DirectMethods(
                    new StaticListableBeanFactory(Map.of("json", JsonMapper.builder().build()))
                            .getBeanProvider(JsonMapper.class));

    {
        methods.postProcessAfterInitialization(new Handlers(), "handlers");
    }

    @Test
    void bindsThePayloadAndAnswers200WithTheResult() {
        MethodResult result = methods.dispatch("Set", bytes("{\"value\": 21}"), "filter");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.payload()).isEqualTo(new Threshold(42));
    }

    @Test
    void passesRawBytesAndLetsTheHandlerChooseTheStatus() {
        MethodResult result = methods.dispatch("Raw", bytes("abc"), "filter");
        assertThat(result).isEqualTo(new MethodResult(202, Map.of("length", 3)));
    }

    @Test
    void answers400ForAPayloadOfTheWrongShape() {
        MethodResult result = methods.dispatch("Set", bytes("{\"value\": \"high\"}"), "filter");
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.payload().toString()).contains("'Set'");
    }

    @Test
    void answers500WithTheHandlersMessageWhenItThrows() {
        assertThat(methods.dispatch("Broken", bytes("{}"), "filter"))
                .isEqualTo(new MethodResult(500, Map.of("message", "broken on purpose")));
    }

    @Test
    void answers501ForAMethodNoHandlerAnswers() {
        MethodResult result = methods.dispatch("Nope", bytes("{}"), "filter");
        assertThat(result.status()).isEqualTo(501);
        assertThat(result.payload().toString()).contains("'filter'").contains("'Nope'");
    }

    @Test
    void refusesTwoHandlersForOneMethod() {
        assertThatThrownBy(() -> methods.postProcessAfterInitialization(new Handlers(), "again"))
                .hasMessageContaining("Two handlers for direct method");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
