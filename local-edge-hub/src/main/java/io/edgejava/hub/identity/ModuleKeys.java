package io.edgejava.hub.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives each module's key from the hub key, the way IoT Hub derives device keys from a group
 * enrollment key: {@code base64(HMAC-SHA256(base64decode(hubKey), moduleId))}.
 *
 * <p>The hub therefore stores no list of keys, and a module's key reveals neither the hub key nor
 * any other module's key. While the hub runs with the local-only development key it logs every
 * module's key at start-up; with a key of your own, compute a module's key as the README shows.
 */
public final class ModuleKeys {

    /**
     * The published local-only development key, used when {@code hub.identity.key} is blank. It
     * protects nothing: anybody can read it here. Set your own key anywhere but a laptop.
     */
    public static final String LOCAL_DEVELOPMENT_KEY =
            "bG9jYWwtZGV2ZWxvcG1lbnQta2V5LW5vdC1hLXNlY3JldA==";

    private final byte[] hubKey;

    /**
     * @param hubKey the hub key, base64
     * @throws IllegalArgumentException when the key is not base64 or shorter than 16 bytes
     */
    public ModuleKeys(String hubKey) {
        try {
            this.hubKey = Base64.getDecoder().decode(hubKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hub.identity.key is not base64", e);
        }
        if (this.hubKey.length < 16) {
            throw new IllegalArgumentException(
                    "hub.identity.key must hold at least 16 bytes, it holds " + this.hubKey.length);
        }
    }

    /**
     * @param moduleId a module id
     * @return that module's key, base64
     */
    public String keyOf(String moduleId) {
        return Base64.getEncoder().encodeToString(sign(moduleId));
    }

    /**
     * Compares a presented key with a module's key in constant time.
     *
     * @param moduleId the module the client claims to be
     * @param presented the password it presented
     * @return whether it is that module's key
     */
    public boolean matches(String moduleId, byte[] presented) {
        byte[] expected = keyOf(moduleId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented);
    }

    private byte[] sign(String moduleId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hubKey, "HmacSHA256"));
            return mac.doFinal(moduleId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
