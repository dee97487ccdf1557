package io.edgejava.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A Markdown table with aligned columns, so that the output reads well and pastes into a doc. */
final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) {
        this.header = List.of(header);
    }

    Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(
                    "a row of " + cells.length + " cells in a table of " + header.size());
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    static String decimal(double value, int places) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,." + places + "f", value);
    }

    void print() {
        int[] widths = new int[header.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = Math.max(3, header.get(column).length());
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths);
        rows.forEach(row -> line(out, row, widths));
        System.out.print(out);
        System.out.println();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int column = 0; column < widths.length; column++) {
            String cell = cells.get(column);
            // Text left, figures right, as a reader compares them down a column.
            boolean figure = column > 0;
            out.append(' ')
                    .append(
                            figure
                                    ? " ".repeat(widths[column] - cell.length()) + cell
                                    : cell + " ".repeat(widths[column] - cell.length()))
                    .append(" |");
        }
        out.append('\n');
    }
}
