package io.edgejava.hub.iothub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.sdk.iot.device.auth.IotHubSasToken;
import com.microsoft.azure.sdk.iot.device.hsm.IotHubSasTokenHsmAuthenticationProvider;
import io.edgejava.hub.identity.ModuleKeys;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens made by the real Azure IoT Device SDK, in both of its forms, and forgeries. */
class SasTokenTests {

    private static final String HUB = "local-edge-hub.localdomain";
    private static final String DEVICE = "local-edge-device";
    private static final List<String> HOSTS = List.of(HUB, "localhost");
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final ModuleKeys keys = new ModuleKeys(ModuleKeys.LOCAL_DEVELOPMENT_KEY);
    private final String filterKey = keys.keyOf("filter-module");
    private final Instant now = Instant.now();

    /** The connection-string path: each audience segment encoded, the slashes not. */
    private String connectionStringToken(String module, String key, long expiry) {
        return new IotHubSasToken(HUB, DEVICE, key, null, module, expiry).toString();
    }

    /** The workload path: the whole audience URL-encoded, the signature from the workload API. */
    private String workloadToken(String module, String key) throws Exception {
        return new String(
                IotHubSasTokenHsmAuthenticationProvider.create(
                                (keyName, data, generation) ->
                                        URLEncoder.encode(
                                                Base64.getEncoder()
                                                        .encodeToString(SasToken.sign(key, data)),
                                                StandardCharsets.UTF_8),
                                DEVICE,
                                module,
                                HUB,
                                "localhost",
                                "1",
                                3600,
                                85)
                        .getSasToken());
    }

    @Test
    void aTokenTheSdkMadeFromAConnectionStringIsAccepted() throws Exception {
        String token =
                connectionStringToken("filter-module", filterKey, now.getEpochSecond() + 3600);

        assertThatCode(
                        () ->
                                SasToken.parse(token)
                                        .verify(
                                                HOSTS,
                                                DEVICE,
                                                "filter-module",
                                                filterKey,
                                                now,
                                                SKEW))
                .doesNotThrowAnyException();
    }

    @Test
    void aTokenTheSdkMadeThroughTheWorkloadApiIsAccepted() throws Exception {
        String token = workloadToken("filter-module", filterKey);

        assertThat(token).contains("sr=" + HUB + "%2Fdevices%2F");
        assertThatCode(
                        () ->
                                SasToken.parse(token)
                                        .verify(
                                                HOSTS,
                                                DEVICE,
                                                "filter-module",
                                                filterKey,
                                                now,
                                                SKEW))
                .doesNotThrowAnyException();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedAsForged() {
        String token =
                connectionStringToken(
                        "filter-module", keys.keyOf("sensor-module"), now.getEpochSecond() + 3600);

        assertThatThrownBy(
                        () ->
                                SasToken.parse(token)
                                        .verify(
                                                HOSTS,
                                                DEVICE,
                                                "filter-module",
                                                filterKey,
                                                now,
                                                SKEW))
                .hasMessageContaining("signature does not match module 'filter-module''s key")
                .hasMessageNotContaining(SasTokenFields.signature(token));
    }

    @Test
    void anotherModulesValidTokenIsRefusedNamingBothModules() {
        String token =
                connectionStringToken(
                        "sensor-module", keys.keyOf("sensor-module"), now.getEpochSecond() + 3600);

        assertThatThrownBy(
                        () ->
                                SasToken.parse(token)
                                        .verify(
                                                HOSTS,
                                                DEVICE,
                                                "filter-module",
                                                filterKey,
                                                now,
                                                SKEW))
                .hasMessageContaining(
                        "for module 'local-edge-device/sensor-module', not"
                                + " 'local-edge-device/filter-module'");
    }

    @Test
    void anExpiredTokenIsRefusedNamingWhenItExpired() {
        long expiry = now.minus(Duration.ofHours(1)).getEpochSecond();
        String token = connectionStringToken("filter-module", filterKey, expiry);

        assertThatThrownBy(
                        () ->
                                SasToken.parse(token)
                                        .verify(
                                                HOSTS,
                                                DEVICE,
                                                "filter-module",
                                                filterKey,
                                                now,
                                                SKEW))
                .hasMessageContaining("expired at " + Instant.ofEpochSecond(expiry));
    }

    @Test
    void aTokenJustPastItsExpiryIsAcceptedWithinTheClockSkew() throws Exception {
        String token = connectionStringToken("filter-module", filterKey, now.getEpochSecond() - 60);

        assertThatCode(
                        () ->
                                SasToken.parse(token)
                                        .verify(
                                                HOSTS,
                                                DEVICE,
                                                "filter-module",
                                                filterKey,
                                                now,
                                                SKEW))
                .doesNotThrowAnyException();
    }

    @Test
    void aTokenForAnotherHubIsRefused() {
        String token =
                new IotHubSasToken(
                                "other.azure-devices.net",
                                DEVICE,
                                filterKey,
                                null,
                                "filter-module",
                                now.getEpochSecond() + 3600)
                        .toString();

        assertThatThrownBy(
                        () ->
                                SasToken.parse(token)
                                        .verify(
                                                HOSTS,
                                                DEVICE,
                                                "filter-module",
                                                filterKey,
                                                now,
                                                SKEW))
                .hasMessageContaining("for hub 'other.azure-devices.net'");
    }

    @Test
    void whatIsNotASasTokenIsRefusedSayingWhatIsMissing() {
        assertThatThrownBy(() -> SasToken.parse("filter-module-key"))
                .hasMessageContaining("not a SAS token");
        assertThatThrownBy(() -> SasToken.parse("SharedAccessSignature sr=a&se=1"))
                .hasMessageContaining("lacks sr=, sig= or se=");
        assertThatThrownBy(() -> SasToken.parse("SharedAccessSignature sr=a&sig=b&se=soon"))
                .hasMessageContaining("se= is not a number");
        assertThatThrownBy(() -> SasToken.parse("SharedAccessSignature sr=a&sr=b&sig=c&se=1"))
                .hasMessageContaining("each once");
    }

    /** The signature field as written, to prove messages never quote it. */
    private static final class SasTokenFields {
        static String signature(String token) {
            for (String field : token.substring(token.indexOf(' ') + 1).split("&")) {
                if (field.startsWith("sig=")) {
                    return field.substring(4);
                }
            }
            throw new IllegalArgumentException("no sig=");
        }
    }
}
