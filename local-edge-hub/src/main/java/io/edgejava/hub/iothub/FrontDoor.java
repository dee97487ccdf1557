package io.edgejava.hub.iothub;

import io.edgejava.hub.identity.ModuleDirectory;
import io.edgejava.hub.identity.ModuleKeys;
import io.edgejava.hub.method.MethodCalls;
import io.edgejava.hub.method.MethodResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Port 443 of the IoT Hub endpoint, where the Azure IoT Device SDK goes for two things: MQTT over
 * WebSocket ({@code /$iothub/websocket}) and {@code invokeMethod} ({@code POST
 * /twins/{device}/modules/{module}/methods}). One port, as on edgeHub, so this small TLS server
 * answers the second and passes the first on, bytes unchanged, to the broker's own WebSocket
 * listener on the loopback interface.
 */
final class FrontDoor {

    private static final Logger log = LoggerFactory.getLogger(FrontDoor.class);

    static final String WEBSOCKET_PATH = "/$iothub/websocket";
    private static final Pattern METHODS =
            Pattern.compile("/twins/([^/]+)/modules/([^/]+)/methods/?");
    private static final Duration LONGEST_CALL = Duration.ofMinutes(5);
    private static final Duration DEFAULT_CALL = Duration.ofSeconds(30);
    private static final String NOT_AMQP =
            "AMQP is not emulated by local-edge-hub; use MQTT or MQTT_WS";

    private final int port;
    private final SSLContext tls;
    private final InetSocketAddress websocketBackend;
    private final String deviceId;
    private final List<String> audienceHosts;
    private final ModuleDirectory modules;
    private final ModuleKeys keys;
    private final MethodCalls methods;
    private final Duration clockSkew;
    private final JsonMapper json;
    private final ExecutorService connections =
            new ThreadPoolExecutor(
                    0, 64, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), threads());
    private volatile ServerSocket server;

    FrontDoor(
            int port,
            SSLContext tls,
            InetSocketAddress websocketBackend,
            String deviceId,
            List<String> audienceHosts,
            ModuleDirectory modules,
            ModuleKeys keys,
            MethodCalls methods,
            Duration clockSkew,
            JsonMapper json) {
        this.port = port;
        this.tls = tls;
        this.websocketBackend = websocketBackend;
        this.deviceId = deviceId;
        this.audienceHosts = audienceHosts;
        this.modules = modules;
        this.keys = keys;
        this.methods = methods;
        this.clockSkew = clockSkew;
        this.json = json;
    }

    void start() {
        try {
            SSLServerSocket socket =
                    (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            server = socket;
        } catch (SocketException e) {
            throw new IllegalStateException(
                    "The IoT Hub endpoint cannot listen on port "
                            + port
                            + " ("
                            + e.getMessage()
                            + "). The Azure IoT Device SDK always connects to 443 for MQTT over"
                            + " WebSocket and for direct method calls: run the hub where it may bind"
                            + " 443 (root, a container, or net.ipv4.ip_unprivileged_port_start=0),"
                            + " free the port, or set hub.iot-hub.https-port",
                    e);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open port " + port + ": " + e.getMessage(), e);
        }
        Thread acceptor = new Thread(this::accept, "iothub-front-door");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void stop() {
        ServerSocket socket = server;
        server = null;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("Closing the front door: {}", e.getMessage());
            }
        }
        connections.shutdownNow();
    }

    private void accept() {
        while (server != null) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (server != null) {
                    log.warn("The IoT Hub endpoint's port {} failed: {}", port, e.getMessage());
                }
                return;
            }
            try {
                connections.execute(() -> serve(client));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                close(client);
            }
        }
    }

    private void serve(Socket client) {
        boolean passedOn = false;
        try {
            client.setSoTimeout((int) LONGEST_CALL.toMillis());
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            HttpExchange request;
            try {
                request = HttpExchange.read(in);
            } catch (HttpExchange.BadRequestException e) {
                HttpExchange.answer(out, 400, message(e.getMessage()));
                return;
            }
            if (request.path().equals(WEBSOCKET_PATH)) {
                passedOn = websocket(client, request);
                return;
            }
            Matcher methodsPath = METHODS.matcher(request.path());
            if (methodsPath.matches()) {
                if (!request.method().equals("POST")) {
                    HttpExchange.answer(out, 405, message("use POST"));
                } else {
                    invoke(out, request, methodsPath.group(1), methodsPath.group(2));
                }
                return;
            }
            HttpExchange.answer(
                    out,
                    404,
                    message(
                            "local-edge-hub's IoT Hub endpoint serves "
                                    + WEBSOCKET_PATH
                                    + " and POST /twins/{device}/modules/{module}/methods only"));
        } catch (IOException e) {
            log.debug("A connection to the IoT Hub endpoint failed: {}", e.getMessage());
        } finally {
            if (!passedOn) {
                close(client);
            }
        }
    }

    /** Passes a WebSocket upgrade on to the broker; returns whether the connection is now its. */
    private boolean websocket(Socket client, HttpExchange request) throws IOException {
        String protocols = request.headers().getOrDefault("sec-websocket-protocol", "");
        if (protocols.toLowerCase(Locale.ROOT).contains("amqp")) {
            log.warn("Refused an AMQP over WebSocket connection: {}", NOT_AMQP);
            HttpExchange.answer(client.getOutputStream(), 400, message(NOT_AMQP));
            return false;
        }
        Socket broker = new Socket();
        broker.connect(websocketBackend, 5000);
        // The SDK asks for /$iothub/websocket?iothub-no-client-cert=true; the broker's listener
        // matches its path exactly, so the request line names the path alone.
        String head = new String(request.head(), StandardCharsets.ISO_8859_1);
        String rewritten =
                request.method()
                        + " "
                        + WEBSOCKET_PATH
                        + " HTTP/1.1"
                        + head.substring(head.indexOf("\r\n"));
        OutputStream toBroker = broker.getOutputStream();
        toBroker.write(rewritten.getBytes(StandardCharsets.ISO_8859_1));
        toBroker.write(request.body());
        toBroker.flush();
        client.setSoTimeout(0);
        Thread back = new Thread(() -> pipe(broker, client), "iothub-websocket-back");
        back.setDaemon(true);
        back.start();
        connections.execute(() -> pipe(client, broker));
        return true;
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            log.debug("WebSocket connection ended: {}", e.getMessage());
        } finally {
            close(from);
            close(to);
        }
    }

    private void invoke(OutputStream out, HttpExchange request, String device, String target)
            throws IOException {
        String caller = request.headers().getOrDefault("x-ms-edge-moduleid", "");
        int slash = caller.indexOf('/');
        if (slash <= 0) {
            HttpExchange.answer(
                    out, 401, message("header x-ms-edge-moduleId must be {device}/{module}"));
            return;
        }
        String callerDevice = caller.substring(0, slash);
        String callerModule = caller.substring(slash + 1);
        if (!modules.isKnown(callerModule) || !deviceId.equals(callerDevice)) {
            HttpExchange.answer(
                    out, 401, message("'" + caller + "' is not a module of this deployment"));
            return;
        }
        try {
            SasToken.parse(request.headers().getOrDefault("authorization", ""))
                    .verify(
                            audienceHosts,
                            callerDevice,
                            callerModule,
                            keys.keyOf(callerModule),
                            Clock.systemUTC().instant(),
                            clockSkew);
        } catch (SasToken.InvalidSasTokenException e) {
            log.warn("Refused a method call from '{}': {}", caller, e.getMessage());
            HttpExchange.answer(out, 401, message(e.getMessage()));
            return;
        }
        JsonNode body = request.jsonObject(json);
        if (body == null
                || !body.path("methodName").isString()
                || body.path("methodName").asString().isEmpty()) {
            HttpExchange.answer(
                    out, 400, message("the body must be a JSON object with a methodName"));
            return;
        }
        String method = body.path("methodName").asString();
        if (!deviceId.equals(device)) {
            HttpExchange.answer(
                    out, 404, message("Client " + device + "/" + target + " not found"));
            return;
        }
        Duration timeout =
                body.path("responseTimeoutInSeconds").isNumber()
                        ? Duration.ofSeconds(
                                Math.min(
                                        LONGEST_CALL.toSeconds(),
                                        Math.max(
                                                1, body.path("responseTimeoutInSeconds").asLong())))
                        : DEFAULT_CALL;
        byte[] payload = json.writeValueAsBytes(body.path("payload"));
        MethodResult result = methods.invoke(callerModule, target, method, payload, timeout).join();
        if (result.fromHub() && result.status() == 404) {
            HttpExchange.answer(
                    out, 404, message("Client " + device + "/" + target + " not found"));
        } else if (result.fromHub() && result.status() == 504) {
            HttpExchange.answer(
                    out,
                    504,
                    message(
                            "Timed out waiting for device to respond to method request: module '"
                                    + target
                                    + "' did not answer '"
                                    + method
                                    + "' within "
                                    + timeout.toSeconds()
                                    + " s"));
        } else {
            ObjectNode answer = json.createObjectNode();
            answer.put("status", result.status());
            answer.set("payload", payloadOf(result.payload()));
            HttpExchange.answer(out, 200, json.writeValueAsString(answer));
        }
    }

    private JsonNode payloadOf(byte[] payload) {
        try {
            return json.readTree(payload);
        } catch (JacksonException e) {
            return json.getNodeFactory().stringNode(new String(payload, StandardCharsets.UTF_8));
        }
    }

    private String message(String text) {
        return json.writeValueAsString(Map.of("message", text));
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already gone.
        }
    }

    private static CustomizableThreadFactory threads() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("iothub-front-door-");
        threads.setDaemon(true);
        return threads;
    }
}
