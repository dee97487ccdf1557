package io.edgejava.sqlwriter;

import io.edgejava.edge.EdgeJson;
import io.edgejava.edge.InvalidMessageException;

/**
 * The text of a message body that the contract says is UTF-8 JSON.
 *
 * <p>Jackson, given bytes, guesses UTF-16 and UTF-32 from the first bytes and reads them too; the
 * writer would then store a message whose body the hub's {@code $body} routes and any other reader
 * of the declared {@code utf-8} see as garbage. Checked here, such a body is dead-lettered with
 * what is wrong with it instead.
 */
public final class Utf8Json {

    private Utf8Json() {}

    /**
     * @param body the body's bytes
     * @param what what the body is, for the reason ("the body", "the claim check")
     * @return the body as text, for the JSON parser
     * @throws InvalidMessageException when the bytes are not UTF-8, or hold a NUL byte (which JSON
     *     never has unescaped, and UTF-16 or UTF-32 text has in nearly every character)
     */
    public static String text(byte[] body, String what) {
        return EdgeJson.utf8Text(body, what);
    }
}
