package io.edgejava.hub.admin;

import io.edgejava.hub.broker.RouteCounters;
import io.edgejava.hub.identity.ModuleDirectory;
import io.edgejava.hub.iothub.IotHubEndpoint;
import io.edgejava.hub.method.MethodCalls;
import io.edgejava.hub.method.MethodResult;
import io.edgejava.hub.routing.Route;
import io.edgejava.hub.routing.RouteSink;
import io.edgejava.hub.routing.RouteTable;
import io.edgejava.hub.twin.TwinStore;
import io.edgejava.hub.upstream.UpstreamLog;
import io.edgejava.hub.upstream.UpstreamMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@RestController
@RequestMapping("/api")
class AdminController {

    private final ModuleDirectory modules;
    private final RouteTable routes;
    private final RouteCounters counters;
    private final TwinStore twins;
    private final MethodCalls methods;
    private final UpstreamLog upstream;
    private final JsonMapper json;
    private final ObjectProvider<IotHubEndpoint> iotHub;

    AdminController(
            ModuleDirectory modules,
            RouteTable routes,
            RouteCounters counters,
            TwinStore twins,
            MethodCalls methods,
            UpstreamLog upstream,
            JsonMapper json,
            ObjectProvider<IotHubEndpoint> iotHub) {
        this.iotHub = iotHub;
        this.modules = modules;
        this.routes = routes;
        this.counters = counters;
        this.twins = twins;
        this.methods = methods;
        this.upstream = upstream;
        this.json = json;
    }

    record ModuleView(String module, boolean connected, Instant connectedSince) {}

    record RouteView(
            String name,
            String route,
            String sink,
            Integer priority,
            long timeToLiveSecs,
            long matched,
            long delivered,
            long undefined) {}

    record MethodResponse(int status, JsonNode payload) {}

    @GetMapping("/modules")
    List<ModuleView> modules() {
        return modules.known().stream()
                .sorted()
                .map(
                        module ->
                                new ModuleView(
                                        module,
                                        modules.isConnected(module),
                                        modules.connectedSince(module).orElse(null)))
                .toList();
    }

    @GetMapping("/routes")
    List<RouteView> routes() {
        return routes.routes().stream().map(this::view).toList();
    }

    private RouteView view(Route route) {
        RouteCounters.Counts counts = counters.of(route.name());
        String sink =
                route.sink() instanceof RouteSink.ModuleInput input
                        ? "BrokeredEndpoint(\"/modules/"
                                + input.module()
                                + "/inputs/"
                                + input.input()
                                + "\")"
                        : "$upstream";
        return new RouteView(
                route.name(),
                route.text(),
                sink,
                route.isPrioritized() ? route.priority() : null,
                route.timeToLive().toSeconds(),
                counts.matched(),
                counts.delivered(),
                counts.undefined());
    }

    @GetMapping("/twins/{module}")
    ObjectNode twin(@PathVariable String module) {
        return twins.twin(module).orElseThrow(() -> unknownModule(module));
    }

    @PatchMapping("/twins/{module}/desired")
    ObjectNode patchDesired(@PathVariable String module, @RequestBody JsonNode patch) {
        if (!modules.isKnown(module)) {
            throw unknownModule(module);
        }
        if (!patch.isObject()) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "the body must be a JSON object (a merge patch of desired properties)");
        }
        return twins.patchDesired(module, (ObjectNode) patch);
    }

    /**
     * Invokes a direct method as the cloud would. The HTTP status is the method's status: the
     * handler's, or 404 when the module is not connected, 504 when it did not answer in time.
     */
    @PostMapping("/modules/{module}/methods/{method}")
    CompletableFuture<ResponseEntity<MethodResponse>> invoke(
            @PathVariable String module,
            @PathVariable String method,
            @RequestParam(defaultValue = "30") int timeoutSeconds,
            @RequestBody(required = false) JsonNode payload) {
        if (!modules.isKnown(module)) {
            throw unknownModule(module);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 300) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "timeoutSeconds must be between 1 and 300");
        }
        byte[] body = json.writeValueAsBytes(payload == null ? json.createObjectNode() : payload);
        return methods.invoke(module, method, body, Duration.ofSeconds(timeoutSeconds))
                .thenApply(this::response);
    }

    private ResponseEntity<MethodResponse> response(MethodResult result) {
        JsonNode payload;
        try {
            payload = json.readTree(result.payload());
        } catch (JacksonException e) {
            payload =
                    json.getNodeFactory()
                            .stringNode(
                                    new String(
                                            result.payload(),
                                            java.nio.charset.StandardCharsets.UTF_8));
        }
        return ResponseEntity.status(result.status())
                .body(new MethodResponse(result.status(), payload));
    }

    /**
     * The CA certificate of the IoT Hub endpoint, for an SDK module outside the hub's containers to
     * trust ({@code EdgeModuleCACertificateFile}).
     */
    @GetMapping(value = "/iot-hub/ca.pem", produces = "application/x-pem-file")
    ResponseEntity<String> iotHubCa() throws IOException {
        IotHubEndpoint endpoint = iotHub.getIfAvailable();
        if (endpoint == null) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND,
                    "the IoT Hub endpoint is off: set hub.iot-hub.enabled=true (HUB_IOTHUB_ENABLED)");
        }
        return ResponseEntity.ok(Files.readString(endpoint.caFile(), StandardCharsets.US_ASCII));
    }

    @GetMapping("/upstream")
    List<UpstreamMessage> upstream() {
        return upstream.recent();
    }

    private static ResponseStatusException unknownModule(String module) {
        return new ResponseStatusException(
                HttpStatus.NOT_FOUND, "module '" + module + "' is not in the deployment manifest");
    }
}
