package io.edgejava.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModuleKeysTests {

    private final ModuleKeys keys = new ModuleKeys(ModuleKeys.LOCAL_DEVELOPMENT_KEY);

    @Test
    void derivesAStableDistinctKeyPerModule() {
        assertThat(keys.keyOf("sensor")).isEqualTo(keys.keyOf("sensor"));
        assertThat(keys.keyOf("sensor")).isNotEqualTo(keys.keyOf("filter"));
        assertThat(new ModuleKeys("c2Vjb25kLWh1Yi1rZXktb2Ytc2l4dGVlbg==").keyOf("sensor"))
                .isNotEqualTo(keys.keyOf("sensor"));
    }

    @Test
    void derivesTheKeyAsHmacSha256OfTheModuleIdUnderTheHubKey() {
        // Computed independently: printf sensor | openssl dgst -sha256 -mac HMAC
        //   -macopt key:local-development-key-not-a-secret -binary | base64
        assertThat(keys.keyOf("sensor")).isEqualTo("3jNZz6KW1pUOfRiK4Pe26KHP+mXC/zXBqq7T245fzOU=");
    }

    @Test
    void acceptsOnlyTheModulesOwnKey() {
        assertThat(keys.matches("sensor", bytes(keys.keyOf("sensor")))).isTrue();
        assertThat(keys.matches("sensor", bytes(keys.keyOf("filter")))).isFalse();
        assertThat(keys.matches("sensor", new byte[0])).isFalse();
    }

    @Test
    void refusesAHubKeyThatIsNotBase64OrTooShort() {
        assertThatThrownBy(() -> new ModuleKeys("not base64!")).hasMessageContaining("base64");
        assertThatThrownBy(() -> new ModuleKeys("c2hvcnQ=")).hasMessageContaining("16 bytes");
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.US_ASCII);
    }
}
