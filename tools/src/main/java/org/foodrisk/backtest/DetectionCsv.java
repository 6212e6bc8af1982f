package org.foodrisk.backtest;

import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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
        @SuppressWarnings("resource") // closing the printer would close the caller's output
        CSVPrinter printer = new CSVPrinter(output, FORMAT);
        for (Backtest.UnitPoint row : rows) {
            // Field by field: what printRecord does, without the stream it builds for every record (commons-csv 1.14)
            printer.print(row.point().date());
            printer.print(Csv.neutralise(row.unit()));
            printer.print(Long.toString(row.point().observed()));
            printer.print(number(row.point().expected()));
            printer.print(number(row.point().threshold()));
            printer.print(row.point().alarm() ? "1" : "0");
            printer.println();
        }
        printer.flush();
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
