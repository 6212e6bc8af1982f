package org.foodrisk.districts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one table of Tianjin's 16 districts, read from {@value #RESOURCE}: GB/T 2260 code, name,
 * 7th-census population, the former county code and name, and older names seen in addresses. It
 * lives here, in the module both the streams app and the connectors depend on, so that
 * {@code org.foodrisk.reference.Districts} (streams app), its demo catalogue and
 * {@code org.foodrisk.connect.TianjinDistricts} (connectors) read the same rows instead of keeping
 * three copies.
 *
 * <p>Source (cited in the resource's header too): shared/reference/districts.md — codes from
 * cn/GB2260 {@code mca/202112.tsv}, populations from the 7th census (2020-11-01), former names and
 * codes from cn/GB2260 {@code mca/201412–201612}. The address names are not from that source; see
 * {@link Row#addressNames()}.
 */
public final class TianjinDistrictTable {

    static final String RESOURCE = "foodrisk/reference/tianjin-districts.tsv";

    /**
     * One district.
     *
     * @param code         GB/T 2260 county-level code, e.g. 120114
     * @param name         official name, e.g. 武清区
     * @param population   常住人口 of the 7th census (2020-11-01)
     * @param formerCodes  codes the district had as a county (县) before it became a 区 (蓟县 120225)
     * @param formerNames  the names that went with those codes (蓟县)
     * @param addressNames older names still written in addresses (武清县, 塘沽区, 塘沽): counties
     *                     before 2000/2001 and the districts merged into 滨海新区 in 2009. Kept as
     *                     the sampling-notice connector has matched them; not in the cited source
     */
    public record Row(String code, String name, long population, List<String> formerCodes,
                      List<String> formerNames, List<String> addressNames) {
    }

    private static final List<Row> ROWS = load();

    private TianjinDistrictTable() {
    }

    /** The 16 districts in code order. */
    public static List<Row> rows() {
        return ROWS;
    }

    private static List<Row> load() {
        try (InputStream in = TianjinDistrictTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            List<Row> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(row(line));
                }
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row row(String line) {
        String[] fields = line.strip().split("\t");
        if (fields.length != 6) {
            throw new IllegalStateException(RESOURCE + ": expected 6 tab-separated fields in '" + line + "'");
        }
        return new Row(fields[0], fields[1], Long.parseLong(fields[2]), names(fields[3]), names(fields[4]),
                names(fields[5]));
    }

    /** "-" is an empty field; several names are separated by ",". */
    private static List<String> names(String field) {
        return field.equals("-") ? List.of() : List.of(field.split(","));
    }
}
