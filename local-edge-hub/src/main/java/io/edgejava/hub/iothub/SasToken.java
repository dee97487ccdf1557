package io.edgejava.hub.iothub;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A shared access signature, as IoT Hub and edgeHub check it: {@code SharedAccessSignature
 * sr={audience}&sig={signature}&se={expiry}}, the fields in any order.
 *
 * <p>The signature is an HMAC-SHA256, with the module's key, of the audience exactly as written in
 * the token, a newline and the expiry. The SDK writes the audience in two ways (each segment
 * encoded on the connection-string path, the whole of it encoded on the workload path), so the
 * signature is checked over the audience as written and the identity over the decoded one.
 *
 * @param audience {@code sr} as written in the token
 * @param signature {@code sig}, decoded
 * @param expiry {@code se}, seconds since the epoch
 */
public record SasToken(String audience, String signature, long expiry) {

    private static final String PREFIX = "SharedAccessSignature ";

    /** Why a token is refused; the message never quotes the signature. */
    public static final class InvalidSasTokenException extends Exception {
        InvalidSasTokenException(String message) {
            super(message);
        }
    }

    /**
     * Reads a token.
     *
     * @param token the MQTT password or HTTP {@code authorization} header
     * @return the token's fields
     * @throws InvalidSasTokenException when it is not a SAS token
     */
    public static SasToken parse(String token) throws InvalidSasTokenException {
        if (token == null || !token.startsWith(PREFIX)) {
            throw new InvalidSasTokenException(
                    "the password is not a SAS token (it must start with '"
                            + PREFIX.strip()
                            + "')");
        }
        Map<String, String> fields = new HashMap<>();
        for (String field : token.substring(PREFIX.length()).strip().split("&")) {
            int equals = field.indexOf('=');
            if (equals <= 0
                    || fields.put(field.substring(0, equals), field.substring(equals + 1))
                            != null) {
                throw new InvalidSasTokenException(
                        "the SAS token's fields must be sr=, sig= and se=, each once");
            }
        }
        String audience = fields.get("sr");
        String signature = fields.get("sig");
        String expiry = fields.get("se");
        if (audience == null || signature == null || expiry == null) {
            throw new InvalidSasTokenException("the SAS token lacks sr=, sig= or se=");
        }
        try {
            return new SasToken(
                    audience,
                    URLDecoder.decode(signature, StandardCharsets.UTF_8),
                    Long.parseLong(expiry));
        } catch (NumberFormatException e) {
            throw new InvalidSasTokenException("the SAS token's se= is not a number of seconds");
        } catch (IllegalArgumentException e) {
            throw new InvalidSasTokenException("the SAS token's sig= is not URL-encoded");
        }
    }

    /**
     * Checks that the token grants access to one module.
     *
     * @param hostNames the IoT hub host name and the gateway host names the audience may name
     * @param deviceId the device the client claims
     * @param moduleId the module the client claims
     * @param key that module's key, base64
     * @param now the current time
     * @param clockSkew how long after its expiry the token is still accepted
     * @throws InvalidSasTokenException naming what is wrong
     */
    public void verify(
            Collection<String> hostNames,
            String deviceId,
            String moduleId,
            String key,
            Instant now,
            Duration clockSkew)
            throws InvalidSasTokenException {
        String decoded = URLDecoder.decode(audience, StandardCharsets.UTF_8);
        String[] parts = decoded.split("/", -1);
        if (parts.length != 5 || !"devices".equals(parts[1]) || !"modules".equals(parts[3])) {
            throw new InvalidSasTokenException(
                    "the SAS token's audience '"
                            + decoded
                            + "' is not {host}/devices/{device}/modules/{module}");
        }
        if (!hostNames.contains(parts[0])) {
            throw new InvalidSasTokenException(
                    "the SAS token is for hub '" + parts[0] + "', not for " + hostNames);
        }
        if (!deviceId.equals(parts[2]) || !moduleId.equals(parts[4])) {
            throw new InvalidSasTokenException(
                    "the SAS token is for module '"
                            + parts[2]
                            + "/"
                            + parts[4]
                            + "', not '"
                            + deviceId
                            + "/"
                            + moduleId
                            + "'");
        }
        byte[] expected = sign(key, audience + "\n" + expiry);
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new InvalidSasTokenException("the SAS token's signature is not base64");
        }
        if (!MessageDigest.isEqual(expected, presented)) {
            throw new InvalidSasTokenException(
                    "the SAS token's signature does not match module '"
                            + moduleId
                            + "''s key (a forged token, or a token signed with another key)");
        }
        Instant expires = Instant.ofEpochSecond(expiry);
        if (expires.plus(clockSkew).isBefore(now)) {
            throw new InvalidSasTokenException("the SAS token expired at " + expires);
        }
    }

    /**
     * Signs as the SDK does.
     *
     * @param key a module key, base64
     * @param data what to sign
     * @return the HMAC-SHA256
     */
    static byte[] sign(String key, String data) {
        return sign(key, data.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Signs as the workload API does.
     *
     * @param key a module key, base64
     * @param data what to sign
     * @return the HMAC-SHA256
     */
    static byte[] sign(String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
