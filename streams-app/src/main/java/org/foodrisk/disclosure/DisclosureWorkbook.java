package org.foodrisk.disclosure;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The disclosure as an XLSX workbook (Apache POI): sheets 不合格 and 合格 with the columns of
 * {@link DisclosureTables}, and 说明 — the district, the period and how it is counted, the programs, the
 * counts, and every column some rows leave empty with the record field that would fill it.
 *
 * <p>Streamed ({@link SXSSFWorkbook}, 200 rows in memory): a city's year of 合格 results is tens of
 * thousands of rows, and the service runs in a 1 GiB heap.
 */
public final class DisclosureWorkbook {

    private static final int ROWS_IN_MEMORY = 200;
    /** Sheet names are the table names, so a reader finds 不合格 without knowing the order. */
    public static final String NOTES = "说明";

    private DisclosureWorkbook() {
    }

    public static void write(SamplingDisclosure disclosure, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            CellStyle heading = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            heading.setFont(bold);
            heading.setWrapText(true);
            for (String table : List.of(DisclosureTables.FAILED, DisclosureTables.PASSED)) {
                table(workbook.createSheet(table), disclosure, table, heading);
            }
            notes(workbook.createSheet(NOTES), disclosure, heading);
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static void table(SXSSFSheet sheet, SamplingDisclosure disclosure, String table, CellStyle heading) {
        List<DisclosureColumn> columns = DisclosureTables.columns(table);
        Row headings = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            headings.createCell(c).setCellValue(columns.get(c).heading());
            headings.getCell(c).setCellStyle(heading);
            sheet.setColumnWidth(c, width(columns.get(c).heading()));
        }
        sheet.createFreezePane(0, 1);
        List<DisclosureRow> rows = disclosure.rows(table);
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < columns.size(); c++) {
                String value = columns.get(c).valueOf(rows.get(r), r + 1, disclosure.request());
                if (value != null) {
                    row.createCell(c).setCellValue(value);
                }
            }
        }
    }

    private static void notes(Sheet sheet, SamplingDisclosure disclosure, CellStyle heading) {
        List<String[]> lines = DisclosureNotes.lines(disclosure);
        for (int r = 0; r < lines.size(); r++) {
            Row row = sheet.createRow(r);
            String[] cells = lines.get(r);
            for (int c = 0; c < cells.length; c++) {
                row.createCell(c).setCellValue(cells[c]);
                if (DisclosureNotes.isHeading(cells)) {
                    row.getCell(c).setCellStyle(heading);
                }
            }
        }
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 40 * 256);
        sheet.setColumnWidth(2, 36 * 256);
    }

    /** About 2 character widths per Chinese character of the heading, at least 10, at most 40. */
    private static int width(String heading) {
        return Math.max(10, Math.min(40, heading.length() * 2 + 4)) * 256;
    }
}
