package org.foodrisk.backtest;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.foodrisk.detect.aberration.DetectionPoint;
import org.foodrisk.encode.Csv;

/**
 * Writes backtest results: header {@code date,unit,observed,expected,threshold,alarm}, alarm 0/1,
 * numbers in plain decimal with every digit a double carries (so a reader gets back exactly our
 * value), and R's {@code NA} where a figure is undefined (e.g. an EARS C3 bound over a
 * zero-variance baseline). The unit comes from the input file: one starting with {@code = + - @},
 * a tab or CR is written with a leading {@code '} ({@link Csv#neutralise}) so a spreadsheet opening
 * the results shows it as text, never runs it as a formula (issue 14); commons-csv quotes per RFC 4180.
 */
final class DetectionCsv {

    static final List<String> HEADER = List.of("date", "unit", "observed", "expected", "threshold", "alarm");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader(HEADER.toArray(String[]::new)).setRecordSeparator('\n').get();

    private DetectionCsv() {
    }

    /** Writes and flushes; closing {@code output} stays with the caller (it may be stdout). */
    static void write(Appendable output, List<Backtest.UnitPoint> rows) throws IOException {
        writeRecords(output, List.of(records(rows)));
    }

    /** Writes the header, then the {@link #records} texts in order; flushes. */
    static void writeRecords(Appendable output, List<String> records) throws IOException {
        output.append(String.join(",", HEADER)).append('\n');
        for (String text : records) {
            output.append(text);
        }
        if (output instanceof Flushable flushable) {
            flushable.flush();
        }
    }

    /**
     * The rows' records, one line each. Assembled as text, only the unit going through commons-csv, once per unit:
     * the other fields (ISO date, digits, '.', '-', NA, Inf) are never quoted by its minimal quoting (nothing at or
     * below '#' first, no delimiter, quote or line break, nothing at or below a space last). Field by field through
     * CSVPrinter cost as much as the detection's slowest stage on a short backtest; DetectionCsvTest holds the text
     * to CSVPrinter.printRecord's. A backtest formats each unit's records on the core that judged it
     * ({@link Backtest#runAndFormat}).
     */
    static String records(List<Backtest.UnitPoint> rows) {
        StringBuilder text = new StringBuilder(64 * rows.size());
        Map<String, String> unitCells = new HashMap<>();
        for (Backtest.UnitPoint row : rows) {
            DetectionPoint point = row.point();
            text.append(point.date())
                    .append(unitCells.computeIfAbsent(row.unit(), DetectionCsv::unitCell))
                    .append(',').append(point.observed())
                    .append(',').append(number(point.expected()))
                    .append(',').append(number(point.threshold()))
                    .append(',').append(point.alarm() ? '1' : '0')
                    .append('\n');
        }
        return text.toString();
    }

    /** The unit as the second field of a record: the delimiter, then the neutralised unit quoted as RFC 4180 needs. */
    private static String unitCell(String unit) {
        StringBuilder cell = new StringBuilder();
        try {
            FORMAT.print(Csv.neutralise(unit), cell, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return cell.toString();
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NA";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Inf" : "-Inf";
        }
        return PlainDecimal.of(value);
    }
}
