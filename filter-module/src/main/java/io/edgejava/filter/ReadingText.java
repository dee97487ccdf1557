package io.edgejava.filter;

import io.edgejava.edge.EdgeJson;
import io.edgejava.edge.InvalidMessageException;
import java.util.Locale;
import java.util.Set;

/**
 * The text of a reading's body, which the contract says is JSON in UTF-8 ({@code contentEncoding:
 * utf-8}).
 *
 * <p>Jackson, given bytes, guesses UTF-16 and UTF-32 from the first bytes and reads them too. The
 * filter forwards the body's bytes unchanged, so a reading it accepted that way would reach the
 * writer, which refuses anything but UTF-8, and every reader that trusts the declared encoding.
 * Refused here, such a body is dead-lettered by the module that first sees it, with the reason.
 */
final class ReadingText {

    /** Names of UTF-8 as senders write them; absent is taken as UTF-8 too, as JSON's default. */
    private static final Set<String> UTF_8 = Set.of("utf-8", "utf8");

    private ReadingText() {}

    /**
     * @param declared the message's {@code contentEncoding}, or {@code null} when it has none
     * @throws InvalidMessageException when it declares another encoding than UTF-8
     */
    static void requireUtf8Declared(Object declared) {
        if (declared == null) {
            return;
        }
        String encoding = declared.toString().trim();
        if (!UTF_8.contains(encoding.toLowerCase(Locale.ROOT))) {
            throw new InvalidMessageException(
                    "the content encoding is '"
                            + shortened(encoding)
                            + "', not utf-8: readings are JSON in UTF-8");
        }
    }

    private static String shortened(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    /**
     * @param body the body's bytes
     * @return the body as text, for the JSON parser
     * @throws InvalidMessageException when the bytes are not UTF-8, or hold a NUL byte (which JSON
     *     never has unescaped, and UTF-16 or UTF-32 text has in nearly every character)
     */
    static String of(byte[] body) {
        return EdgeJson.utf8Text(body, "the body");
    }
}
