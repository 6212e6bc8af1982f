package org.foodrisk.backtest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.foodrisk.detect.aberration.DetectionPoint;
import org.foodrisk.detect.aberration.PointStatus;
import org.foodrisk.encode.Csv;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 14: a unit name from the input file cannot become a spreadsheet formula in the results; and the results are
 * the text commons-csv's {@code printRecord} writes, which the writer no longer calls per record.
 */
class DetectionCsvTest {

    private static String written(String unit) throws IOException {
        StringBuilder out = new StringBuilder();
        DetectionCsv.write(out, List.of(new Backtest.UnitPoint(unit,
                DetectionPoint.insufficient(LocalDate.of(2024, 1, 1), 3))));
        return out.toString().split("\n")[1];
    }

    @Test
    void formulaUnitsAreNeutralisedAndQuoted() throws IOException {
        assertEquals("2024-01-01,\"'=HYPERLINK(\"\"http://evil\"\",\"\"点我\"\")\",3,NA,NA,0",
                written("=HYPERLINK(\"http://evil\",\"点我\")"));
        assertEquals("2024-01-01,'@SUM(A1),3,NA,NA,0", written("@SUM(A1)"));
        assertEquals("2024-01-01,\"120116,乳制品\",3,NA,NA,0", written("120116,乳制品"));
    }

    @Test
    void sameTextAsCommonsCsvPrintRecord() throws IOException {
        String[] units = {"u01", "120116,乳制品", "=1+1", "-x", "say \"hi\"", "two\nlines", " padded ", "#comment", "",
            "tab\tin", "'quoted'", "trailing space "};
        double[] values = {4.952380952589626, 0.0, -0.0, 1e-9, 12345678.9, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, -3.5, 100.0};
        List<Backtest.UnitPoint> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(new Backtest.UnitPoint(units[i % units.length], new DetectionPoint(LocalDate.of(2023, 1, 2)
                    .plusWeeks(i), i * 7L, values[i % values.length], values[(i + 3) % values.length], 0, 0, i % 3 == 0,
                    PointStatus.EVALUATED)));
        }
        StringBuilder reference = new StringBuilder();
        CSVPrinter printer = new CSVPrinter(reference, CSVFormat.DEFAULT.builder()
                .setHeader(DetectionCsv.HEADER.toArray(String[]::new)).setRecordSeparator('\n').get());
        for (Backtest.UnitPoint row : rows) {
            printer.printRecord(row.point().date(), Csv.neutralise(row.unit()), row.point().observed(),
                    DetectionCsv.number(row.point().expected()), DetectionCsv.number(row.point().threshold()),
                    row.point().alarm() ? 1 : 0);
        }
        StringBuilder written = new StringBuilder();
        DetectionCsv.write(written, rows);
        assertEquals(reference.toString(), written.toString());
    }
}
