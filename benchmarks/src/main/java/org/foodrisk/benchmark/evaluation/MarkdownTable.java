package org.foodrisk.benchmark.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A markdown table built row by row; numbers are right-aligned by their header's marker. */
final class MarkdownTable {

    private final List<String> header;
    private final List<Boolean> numeric;
    private final List<List<String>> rows = new ArrayList<>();

    /** Columns named with a leading '#' are numeric (right-aligned); the '#' is not printed. */
    MarkdownTable(String... columns) {
        header = new ArrayList<>();
        numeric = new ArrayList<>();
        for (String column : columns) {
            boolean number = column.startsWith("#");
            header.add(number ? column.substring(1) : column);
            numeric.add(number);
        }
    }

    MarkdownTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null ? "" : String.valueOf(cell).replace("|", "\\|"));
        }
        rows.add(row);
        return this;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (boolean number : numeric) {
            out.append(number ? " ---: |" : " --- |");
        }
        out.append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }

    static String f2(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String f1(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }
}
