package io.edgejava.hub.routing;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The path of a {@code $body} query, such as {@code readings[0].value} in {@code
 * $body.readings[0].value}.
 *
 * <p>edgeHub accepts names separated by dots, each optionally followed by one array index in square
 * brackets; nothing else (no wildcards, no slices, no nested indexes).
 *
 * @param segments the steps from the root object, at least one
 */
record BodyPath(List<Segment> segments) {

    /**
     * One step: a field of an object, then optionally an element of the array found there.
     *
     * @param name the field name, case-sensitive
     * @param index the array index, or -1 for none
     */
    record Segment(String name, int index) {}

    /** A path edgeHub would reject, with where in the path text the problem is. */
    static final class InvalidPathException extends Exception {
        private static final long serialVersionUID = 1L;

        private final int offset;

        InvalidPathException(int offset, String reason) {
            super(reason, null, false, false);
            this.offset = offset;
        }

        /** 0-based offset in the path text. */
        int offset() {
            return offset;
        }
    }

    BodyPath {
        segments = List.copyOf(segments);
    }

    /**
     * Parses the part of a {@code $body} query after {@code $body.}.
     *
     * @param path the path text, for example {@code readings[0].value}
     * @return the path
     * @throws InvalidPathException if edgeHub would not accept it
     */
    static BodyPath parse(String path) throws InvalidPathException {
        if (path.isEmpty()) {
            throw new InvalidPathException(0, "a $body query needs a field name after '$body.'");
        }
        List<Segment> segments = new ArrayList<>();
        int pos = 0;
        while (true) {
            int nameStart = pos;
            while (pos < path.length() && isNameChar(path.charAt(pos))) {
                pos++;
            }
            if (pos == nameStart) {
                throw new InvalidPathException(pos, "expected a field name in the $body query");
            }
            String name = path.substring(nameStart, pos);
            int index = -1;
            if (pos < path.length() && path.charAt(pos) == '[') {
                int digitsStart = ++pos;
                while (pos < path.length() && isAsciiDigit(path.charAt(pos))) {
                    pos++;
                }
                if (pos == digitsStart || pos >= path.length() || path.charAt(pos) != ']') {
                    throw new InvalidPathException(
                            digitsStart - 1,
                            "a $body array index must be a whole number in square brackets,"
                                    + " like [0]");
                }
                index = parseIndex(path.substring(digitsStart, pos), digitsStart);
                pos++;
            }
            segments.add(new Segment(name, index));
            if (pos == path.length()) {
                return new BodyPath(segments);
            }
            if (path.charAt(pos) != '.') {
                throw new InvalidPathException(
                        pos,
                        "expected '.' or the end of the $body query, found '"
                                + path.charAt(pos)
                                + "' (only one [index] may follow a name)");
            }
            pos++;
        }
    }

    private static boolean isNameChar(char c) {
        return c != '.' && c != '[' && c != ']' && RouteLexer.isNameChar(c);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int parseIndex(String digits, int offset) throws InvalidPathException {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException tooLarge) {
            throw new InvalidPathException(
                    offset, "the $body array index " + digits + " is too large");
        }
    }

    /**
     * Looks the path up in a JSON body.
     *
     * <p>As in edgeHub, a path that leads nowhere (a missing field, an index past the end, a step
     * into something that is not an object or array) is {@link Value#NULL}, not undefined.
     *
     * @param root the body's root object
     * @return the value found
     */
    Value select(JsonNode root) {
        JsonNode node = root;
        for (Segment segment : segments) {
            node = node.isObject() ? node.get(segment.name()) : null;
            if (node != null && segment.index() >= 0) {
                node = node.isArray() ? node.get(segment.index()) : null;
            }
            if (node == null) {
                return Value.NULL;
            }
        }
        return JsonBody.toValue(node);
    }
}
