package org.foodrisk.backtest;

import org.foodrisk.detect.aberration.DetectionPoint;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 14: a unit name from the input file cannot become a spreadsheet formula in the results. */
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
}
