package io.edgejava.sqlwriter.batch;

import io.edgejava.edge.InvalidMessageException;
import java.util.regex.Pattern;

/**
 * The names a claim check may give: {@code readings-<batchId>-<6-digit sequence>.csv}, a plain name
 * in the shared folder. The name comes from a message, so it is checked before it touches the file
 * system: {@code ..}, an absolute path or a separator could otherwise make the writer read, move or
 * reject a file anywhere the module can reach.
 */
final class BatchFileName {

    /** Letters, digits and '-' in the batch id: no '.', so no '..', and no separator at all. */
    private static final Pattern PATTERN =
            Pattern.compile("readings-[A-Za-z0-9-]{1,100}-[0-9]{6}\\.csv");

    private BatchFileName() {}

    /**
     * @param fileName the name a claim check gave
     * @return it, when it is a plain batch file name
     * @throws InvalidMessageException when it is not
     */
    static String check(String fileName) {
        if (!PATTERN.matcher(fileName).matches()) {
            throw new InvalidMessageException(
                    "the claim check's fileName \""
                            + shown(fileName)
                            + "\" is not a plain batch file name"
                            + " (readings-<batchId>-<6 digits>.csv: letters, digits and '-', no"
                            + " folder part), so the writer does not touch it");
        }
        return fileName;
    }

    private static String shown(String fileName) {
        String printable = fileName.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 120 ? printable.substring(0, 120) + "..." : printable;
    }
}
