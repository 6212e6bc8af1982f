package org.foodrisk.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import java.math.BigDecimal;
import java.time.LocalTime;

/**
 * A dropped file read as rows of text cells, CSV (UTF-8 with or without BOM, else GB18030) or
 * XLSX (every sheet), each row with the place a person can find it again: the line of a CSV
 * file, the sheet and row of a workbook.
 */
final class TableFile {

    /** One row: its cells and where it is (1-based line/row numbers, as editors show them). */
    record TableRow(List<String> cells, String sheet, long firstLine, long lastLine) {

        String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : null;
        }

        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }

        /** Where the row is, e.g. {@code line 7} or {@code sheet 不合格产品 row 7}. */
        String where() {
            String lines = firstLine == lastLine ? "line " + firstLine : "lines " + firstLine + "-" + lastLine;
            return sheet == null ? lines : "sheet " + sheet + " row " + firstLine;
        }

        /** The row as one CSV line, for the value of a dead letter. */
        String asCsv() {
            return CSVFormat.DEFAULT.format(cells.stream().map(c -> c == null ? "" : c).toArray());
        }
    }

    private TableFile() {
    }

    static boolean isWorkbook(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".xlsx") || n.endsWith(".xls");
    }

    /** Every sheet of the file (a CSV file is one sheet with a null name), rows in order. */
    static List<List<TableRow>> read(Path file) throws IOException {
        return isWorkbook(file) ? readWorkbook(file) : List.of(readCsv(file));
    }

    static List<TableRow> readCsv(Path file) throws IOException {
        String text = decode(Files.readAllBytes(file));
        List<TableRow> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            long previousEnd = 0;
            for (CSVRecord record : parser) {
                long end = parser.getCurrentLineNumber();
                // After the last record the parser may not have counted the final line break.
                long first = previousEnd + 1;
                long last = Math.max(first, end);
                rows.add(new TableRow(record.toList(), null, first, last));
                previousEnd = last;
            }
        }
        return rows;
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer).toString();
        } catch (CharacterCodingException notUtf8) {
            // Chinese Excel and many LIMS export CSV in the local code page.
            return Charset.forName("GB18030").newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        }
    }

    static List<List<TableRow>> readWorkbook(Path file) throws IOException {
        List<List<TableRow>> sheets = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            for (Sheet sheet : workbook) {
                List<TableRow> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        cells.add(text(row.getCell(c), formatter));
                    }
                    long number = row.getRowNum() + 1L;
                    rows.add(new TableRow(cells, sheet.getSheetName(), number, number));
                }
                sheets.add(rows);
            }
        }
        return sheets;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDateTime t = cell.getLocalDateTimeCellValue();
            return t.toLocalTime().equals(LocalTime.MIDNIGHT)
                    ? t.toLocalDate().toString() : t.toString();
        }
        if (type == CellType.NUMERIC) {
            double d = cell.getNumericCellValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        String s = formatter.formatCellValue(cell);
        return s == null ? null : s;
    }

}
