package org.foodrisk.disclosure;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One table of the disclosure as CSV (RFC 4180, commons-csv), UTF-8 with a byte-order mark: without it Excel,
 * which most offices open CSV with, reads UTF-8 Chinese as mojibake.
 */
public final class DisclosureCsv {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private DisclosureCsv() {
    }

    public static void write(SamplingDisclosure disclosure, String table, OutputStream out) throws IOException {
        List<DisclosureColumn> columns = DisclosureTables.columns(table);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BYTE_ORDER_MARK);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader(columns.stream().map(DisclosureColumn::heading).toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(writer, format)) {
            List<DisclosureRow> rows = disclosure.rows(table);
            for (int r = 0; r < rows.size(); r++) {
                DisclosureRow row = rows.get(r);
                int number = r + 1;
                printer.printRecord(columns.stream().map(c -> c.valueOf(row, number, disclosure.request())));
            }
        }
    }
}
