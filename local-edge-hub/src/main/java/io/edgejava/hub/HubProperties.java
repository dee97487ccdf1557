package io.edgejava.hub;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the local hub, under the prefix {@code hub}; each can be set by environment variable
 * ({@code HUB_MANIFEST}, {@code HUB_DATA_DIR}, {@code HUB_IDENTITY_KEY}, ...).
 *
 * @param manifest the deployment manifest whose routes, store-and-forward TTL, modules and desired
 *     properties the hub applies
 * @param dataDir where the broker keeps sessions, queued and retained messages, and the hub its
 *     twins, so that all of them survive a restart
 * @param deviceId the device id the hub stamps as {@code $connectionDeviceId}
 * @param mqtt the broker's listeners and limits
 * @param identity how modules authenticate
 * @param methods direct method relay settings
 * @param upstreamHistory how many messages sent to {@code $upstream} the admin API keeps
 * @param iotHub the IoT Hub–compatible endpoint for modules on the Azure IoT Device SDK
 */
@Validated
@ConfigurationProperties("hub")
public record HubProperties(
        @NotNull @DefaultValue("deployment.template.json") Path manifest,
        @NotNull @DefaultValue(".hub-data") Path dataDir,
        @NotBlank @DefaultValue("local-edge-device") String deviceId,
        @Valid @NotNull @DefaultValue Mqtt mqtt,
        @Valid @NotNull @DefaultValue Identity identity,
        @Valid @NotNull @DefaultValue Methods methods,
        @Min(0) @DefaultValue("100") int upstreamHistory,
        @Valid @NotNull @DefaultValue IotHub iotHub) {

    /**
     * The broker's listeners and limits.
     *
     * @param bindAddress address the listeners bind to
     * @param port MQTT over TCP
     * @param websocketPort MQTT over WebSocket; 0 turns the listener off
     * @param websocketPath the WebSocket listener's path
     * @param maxMessageBytes payloads above this are refused, as edgeHub refuses messages over 256
     *     KB
     * @param maxPacketBytes packets above this are not even read: the broker disconnects the
     *     client. Kept above {@code maxMessageBytes} so that an oversized message gets a clear
     *     refusal rather than a disconnect.
     * @param maxQueuedMessages per-module queue while it is away; large, because a full queue drops
     *     messages (each drop is counted)
     */
    public record Mqtt(
            @NotBlank @DefaultValue("0.0.0.0") String bindAddress,
            @Min(0) @Max(65535) @DefaultValue("1883") int port,
            @Min(0) @Max(65535) @DefaultValue("8083") int websocketPort,
            @NotBlank @DefaultValue("/mqtt") String websocketPath,
            @Min(1) @DefaultValue("262144") int maxMessageBytes,
            @Min(1) @DefaultValue("1048576") int maxPacketBytes,
            @Min(1) @DefaultValue("1000000") long maxQueuedMessages) {}

    /**
     * How modules authenticate: MQTT user name = module id (and client id = module id), password =
     * the module's key, derived from this hub key (see {@code ModuleKeys}).
     *
     * @param key the hub key, base64; blank means the published local-only development key
     */
    public record Identity(@DefaultValue("") String key) {}

    /**
     * Direct method relay settings.
     *
     * @param defaultTimeout the longest a call waits for its answer when the caller set no expiry
     *     on its request
     */
    public record Methods(@NotNull @DefaultValue("30s") Duration defaultTimeout) {}

    /**
     * The IoT Hub–compatible endpoint: what edgeHub offers modules that use the Azure IoT Device
     * SDK (the {@code iotedge} transport). Off by default, because the SDK's ports are fixed (8883,
     * and 443, which only root may bind on Linux); {@code compose.device-sdk.yml} turns it on.
     *
     * @param enabled whether the hub serves the endpoint
     * @param hostName the IoT hub host name modules name in their SAS tokens and MQTT user names
     *     ({@code HostName=} of a connection string, {@code IOTEDGE_IOTHUBHOSTNAME}); never
     *     resolved, but the SDK requires a dot in it
     * @param gatewayHostNames the names modules reach the hub by ({@code GatewayHostName=}, {@code
     *     IOTEDGE_GATEWAYHOSTNAME}); each is a subject alternative name of the server certificate
     * @param mqttTlsPort MQTT over TLS; the SDK always connects to 8883
     * @param httpsPort MQTT over WebSocket and the HTTPS endpoint of {@code invokeMethod}; the SDK
     *     always connects to 443
     * @param workloadDir where the hub makes one workload API socket per module, {@code
     *     <module>/workload.sock}; blank means {@code <dataDir>/workload}
     * @param clockSkew how far past its expiry a SAS token is still accepted
     */
    public record IotHub(
            @DefaultValue("false") boolean enabled,
            @NotBlank @Pattern(
                            regexp = ".+\\..+",
                            message =
                                    "hub.iot-hub.host-name (HUB_IOTHUB_HOSTNAME) must contain a dot:"
                                            + " the Azure IoT Device SDK requires one")
                    @DefaultValue("local-edge-hub.localdomain")
                    String hostName,
            @NotNull @DefaultValue({"localhost", "local-edge-hub", "127.0.0.1"})
                    List<@NotBlank String> gatewayHostNames,
            @Min(0) @Max(65535) @DefaultValue("8883") int mqttTlsPort,
            @Min(0) @Max(65535) @DefaultValue("443") int httpsPort,
            @NotNull @DefaultValue("") String workloadDir,
            @NotNull @DefaultValue("5m") Duration clockSkew) {}
}
