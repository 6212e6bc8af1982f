package org.foodrisk.disclosure;

import java.util.function.Function;

/**
 * One column of a published table: its heading as offices write it, its value, and the record field it comes
 * from — or null when it is not the record's (序号, 公告号 …).
 *
 * @param source the contract field(s) behind the column, named in the notes when records lack them
 */
public record DisclosureColumn(String heading, String source, Function<Cell, String> value) {

    /** What a cell is made of: the row, its number in its table, and the request (for 公告号 and 公告日期). */
    public record Cell(DisclosureRow row, int number, DisclosureRequest request) {
    }

    public String valueOf(DisclosureRow row, int number, DisclosureRequest request) {
        return value.apply(new Cell(row, number, request));
    }
}
