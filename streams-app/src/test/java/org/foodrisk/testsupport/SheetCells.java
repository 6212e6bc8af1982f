package org.foodrisk.testsupport;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.ArrayList;
import java.util.List;

/** A worksheet as texts, to compare column by column. */
public final class SheetCells {

    private SheetCells() {
    }

    /** Every row of the sheet, an absent cell as "" up to the row's last cell. */
    public static List<List<String>> of(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            if (row != null) {
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : cell.getStringCellValue());
                }
            }
            rows.add(cells);
        }
        return rows;
    }
}
