package io.edgejava.hub.iothub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP/1.1 request read off a socket, and its answer: enough HTTP for the two small servers of
 * the IoT Hub endpoint (the front door on 443 and the workload API), which answer one request per
 * connection and close it.
 *
 * @param method the request method
 * @param target the request target, path and query
 * @param headers header names in lower case
 * @param head the request line and headers exactly as read, for passing a request on unchanged
 * @param body the body, as long as {@code Content-Length} says
 */
record HttpExchange(
        String method, String target, Map<String, String> headers, byte[] head, byte[] body) {

    private static final int MAX_HEAD = 16 * 1024;
    private static final int MAX_BODY = 1024 * 1024;

    /** A request that is not HTTP, or too large. */
    static final class BadRequestException extends IOException {
        BadRequestException(String message) {
            super(message);
        }
    }

    /**
     * Reads one request.
     *
     * @param in the connection
     * @return the request
     * @throws BadRequestException when it is not a request this server reads
     * @throws IOException when the connection fails
     */
    static HttpExchange read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int next = in.read();
            if (next < 0) {
                throw new BadRequestException("the connection closed before the request ended");
            }
            head.write(next);
            matched = next == "\r\n\r\n".charAt(matched) ? matched + 1 : (next == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD) {
                throw new BadRequestException("request head over " + MAX_HEAD + " bytes");
            }
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            throw new BadRequestException("not an HTTP/1.1 request line: '" + lines[0] + "'");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        int length;
        try {
            length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        } catch (NumberFormatException e) {
            throw new BadRequestException("Content-Length is not a number");
        }
        if (length < 0 || length > MAX_BODY) {
            throw new BadRequestException("a body of " + length + " bytes is not accepted");
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new BadRequestException("the connection closed before the body ended");
        }
        return new HttpExchange(requestLine[0], requestLine[1], headers, head.toByteArray(), body);
    }

    /**
     * @param json the mapper
     * @return the body as a JSON object, or null when it is not one
     */
    JsonNode jsonObject(JsonMapper json) {
        try {
            JsonNode tree = json.readTree(body);
            return tree != null && tree.isObject() ? tree : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The target without its query. */
    String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /**
     * Writes an answer and nothing after it. The reason phrase is one word: the Azure IoT Device
     * SDK refuses a status line that is not exactly three words.
     *
     * @param out the connection
     * @param status the status code
     * @param body a JSON body on one line
     * @throws IOException when the connection fails
     */
    static void answer(OutputStream out, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head =
                "HTTP/1.1 "
                        + status
                        + " "
                        + reason(status)
                        + "\r\nContent-Type: application/json; charset=utf-8"
                        + "\r\nContent-Length: "
                        + bytes.length
                        + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 504 -> "GatewayTimeout";
            default -> "Status";
        };
    }
}
