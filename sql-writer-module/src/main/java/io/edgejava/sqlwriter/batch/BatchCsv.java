package io.edgejava.sqlwriter.batch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The batch file format, as sensor-module writes it (UTF-8, {@code \n} line ends):
 *
 * <pre>
 * timeCreated,machineTemperature,machinePressure,ambientTemperature,ambientHumidity
 * 2025-01-01T10:00:00.100Z,42.1,3.4,21.2,25
 * </pre>
 *
 * <p>Parsing is strict: a file that is not exactly this is corrupt, and a corrupt file is refused
 * whole rather than inserted in part.
 */
final class BatchCsv {

    static final String HEADER =
            "timeCreated,machineTemperature,machinePressure,ambientTemperature,ambientHumidity";

    private static final int FIELDS = 5;

    private BatchCsv() {}

    /**
     * @param bytes a batch file's content
     * @return its rows
     * @throws IllegalArgumentException naming the line and what is wrong with it
     */
    static List<BatchRow> parse(byte[] bytes) {
        String text = utf8(bytes);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the file does not end with a line end: cut short?");
        }
        String[] lines = text.split("\n", -1);
        if (!HEADER.equals(lines[0])) {
            throw new IllegalArgumentException(
                    "line 1 is not the header " + HEADER + " but \"" + shown(lines[0]) + "\"");
        }
        // The last element is what follows the final line end: nothing.
        List<BatchRow> rows = new ArrayList<>(Math.max(lines.length - 2, 0));
        for (int i = 1; i < lines.length - 1; i++) {
            rows.add(row(lines[i], i + 1));
        }
        return rows;
    }

    private static BatchRow row(String line, int number) {
        String[] fields = line.split(",", -1);
        if (fields.length != FIELDS) {
            throw new IllegalArgumentException(
                    "line "
                            + number
                            + " has "
                            + fields.length
                            + " fields, not "
                            + FIELDS
                            + ": \""
                            + shown(line)
                            + "\"");
        }
        Instant time;
        try {
            time = Instant.parse(fields[0]);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "line "
                            + number
                            + ": timeCreated \""
                            + shown(fields[0])
                            + "\" is not an ISO-8601 instant",
                    e);
        }
        return new BatchRow(
                time,
                finite(fields[1], "machineTemperature", number),
                finite(fields[2], "machinePressure", number),
                finite(fields[3], "ambientTemperature", number),
                integer(fields[4], "ambientHumidity", number));
    }

    private static double finite(String field, String name, int line) {
        double value;
        try {
            value = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "line " + line + ": " + name + " \"" + shown(field) + "\" is not a number", e);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(
                    "line " + line + ": " + name + " is not a finite number: " + field);
        }
        return value;
    }

    private static int integer(String field, String name, int line) {
        try {
            return Integer.parseInt(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "line "
                            + line
                            + ": "
                            + name
                            + " \""
                            + shown(field)
                            + "\" is not a whole number",
                    e);
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the file is not UTF-8 text", e);
        }
    }

    /**
     * @param bytes a file's content
     * @return its SHA-256, 64 lowercase hex digits, as in the claim check
     */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String shown(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
    }
}
