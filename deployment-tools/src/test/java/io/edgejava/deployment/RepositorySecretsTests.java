package io.edgejava.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret is committed other than the clearly labelled local-only defaults of {@code .env}: no
 * private key and no key store anywhere, and no password or key of {@code .env} copied into another
 * file, where nobody would think of changing it. (What ends up in the images is checked by {@code
 * .ci/e2e}, which reads every layer.)
 */
class RepositorySecretsTests {

    private static final Path ROOT = Path.of("..");
    private static final Pattern PRIVATE_KEY =
            Pattern.compile("-----BEGIN ([A-Z]+ )?PRIVATE KEY-----");
    private static final Set<String> KEY_STORE_SUFFIXES =
            Set.of(".jks", ".p12", ".pfx", ".keystore", ".key");
    private static final Pattern SECRET_ASSIGNMENT =
            Pattern.compile("(?m)^([A-Z_]*(?:PASSWORD|KEY))=(.+)$");
    // Folders that are built, fetched or local, never committed.
    private static final Set<String> NOT_COMMITTED =
            Set.of(".git", "target", "node_modules", ".hub-data", "shared-batches", "config");

    @Test
    void dotEnvSaysItsValuesAreLocalOnly() throws IOException {
        String env = Files.readString(ROOT.resolve(".env"));

        assertThat(env.lines().findFirst().orElse(""))
                .as("the first line of .env")
                .containsIgnoringCase("local-only");
        assertThat(secretsOf(env)).as("passwords and keys in .env").isNotEmpty();
    }

    @Test
    void noPrivateKeyKeyStoreOrCopyOfAnEnvSecretIsCommitted() throws IOException {
        Map<String, String> secrets = secretsOf(Files.readString(ROOT.resolve(".env")));

        assertThat(findings(ROOT, secrets)).isEmpty();
    }

    @Test
    void theScanFindsAPrivateKeyAKeyStoreAndACopiedPassword(@TempDir Path repository)
            throws IOException {
        Files.writeString(repository.resolve(".env"), "DB_PASSWORD=s3cret-Value\n");
        Path docs = Files.createDirectories(repository.resolve("docs"));
        Files.writeString(docs.resolve("howto.md"), "log in with s3cret-Value\n");
        // Split, or this very file would hold a private key's first line.
        Files.writeString(
                docs.resolve("server.pem"), "-----BEGIN EC PRIVATE" + " KEY-----\nMHcC\n");
        Files.write(docs.resolve("server.jks"), new byte[] {(byte) 0xfe, (byte) 0xed});
        Path built = Files.createDirectories(repository.resolve("module/target"));
        Files.writeString(built.resolve("copy.txt"), "s3cret-Value");

        List<String> found =
                findings(repository, secretsOf("DB_PASSWORD=s3cret-Value\nEMPTY_KEY=\n"));

        assertThat(found)
                .containsExactlyInAnyOrder(
                        "docs/howto.md: holds the value of DB_PASSWORD from .env",
                        "docs/server.pem: holds a private key",
                        "docs/server.jks: is a key store");
    }

    /** Passwords and keys with a value, by name. */
    private static Map<String, String> secretsOf(String env) {
        Map<String, String> secrets = new TreeMap<>();
        Matcher assignment = SECRET_ASSIGNMENT.matcher(env);
        while (assignment.find()) {
            secrets.put(assignment.group(1), assignment.group(2).strip());
        }
        return secrets;
    }

    private static List<String> findings(Path root, Map<String, String> secrets)
            throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> committable(root.relativize(file)))
                    .sorted()
                    .forEach(file -> found.addAll(check(root, file, secrets)));
        }
        return found;
    }

    private static boolean committable(Path relative) {
        for (Path part : relative) {
            if (NOT_COMMITTED.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> check(Path root, Path file, Map<String, String> secrets) {
        String name = root.relativize(file).toString().replace('\\', '/');
        List<String> found = new ArrayList<>();
        String lower = name.toLowerCase(Locale.ROOT);
        if (KEY_STORE_SUFFIXES.stream().anyMatch(lower::endsWith)) {
            found.add(name + ": is a key store");
            return found;
        }
        String text = text(file);
        if (text == null) {
            return found;
        }
        if (PRIVATE_KEY.matcher(text).find()) {
            found.add(name + ": holds a private key");
        }
        if (!name.equals(".env")) {
            secrets.forEach(
                    (variable, value) -> {
                        if (text.contains(value)) {
                            found.add(name + ": holds the value of " + variable + " from .env");
                        }
                    });
        }
        return found;
    }

    /** The file as UTF-8 text, or null for a binary file. */
    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException binary) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
