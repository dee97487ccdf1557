package io.edgejava.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A module's {@code createOptions}, as edgeAgent takes them: a string of JSON, in chunks.
 *
 * <p>The template writes them as a JSON object, which is readable; the deployment carries them as a
 * string, because they are a twin property value. A twin property value holds at most 512
 * characters, so a longer string is cut into {@code createOptions}, {@code createOptions01}, {@code
 * createOptions02} ... of at most 512 characters each, at most 8 of them (4 KiB in all); edgeAgent
 * joins them in that order.
 */
final class CreateOptions {

    /** The longest twin property value. */
    static final int CHUNK = 512;

    /** How many chunks edgeAgent joins. */
    static final int MAX_CHUNKS = 8;

    private static final String FIELD = "createOptions";

    private CreateOptions() {}

    /**
     * Turns the {@code createOptions} of a module's settings into chunked strings, in place. The
     * chunks follow {@code createOptions} in the settings, in order.
     *
     * @param settings a module's {@code settings}
     * @param module the module's name, for the error message
     * @param json writes the object as compact JSON
     * @throws InvalidInputException when the options are longer than 8 chunks
     */
    static void stringify(ObjectNode settings, String module, JsonMapper json) {
        JsonNode options = settings.get(FIELD);
        if (options == null || options.isNull()) {
            return;
        }
        String text = options.isString() ? options.asString() : json.writeValueAsString(options);
        List<String> chunks = chunks(text);
        if (chunks.size() > MAX_CHUNKS) {
            throw new InvalidInputException(
                    "the createOptions of module "
                            + module
                            + " are "
                            + text.length()
                            + " characters long as a string; edgeAgent takes at most "
                            + MAX_CHUNKS * CHUNK
                            + " ("
                            + MAX_CHUNKS
                            + " chunks of "
                            + CHUNK
                            + ")");
        }
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(settings.properties());
        settings.removeAll();
        for (Map.Entry<String, JsonNode> field : fields) {
            if (!field.getKey().equals(FIELD)) {
                settings.set(field.getKey(), field.getValue());
                continue;
            }
            for (int i = 0; i < chunks.size(); i++) {
                settings.put(i == 0 ? FIELD : String.format("%s%02d", FIELD, i), chunks.get(i));
            }
        }
    }

    /**
     * Cuts text into pieces of at most {@link #CHUNK} characters, never inside a character that
     * takes two UTF-16 units, so that each piece is valid text on its own.
     */
    static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + CHUNK, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        if (chunks.isEmpty()) {
            chunks.add("");
        }
        return chunks;
    }
}
