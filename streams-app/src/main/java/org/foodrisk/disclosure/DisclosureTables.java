package org.foodrisk.disclosure;

import java.util.List;
import java.util.function.Function;

/**
 * The columns of the two tables, in the order of the notices SAMR and the provincial and district offices
 * publish (不合格 and 合格 tables of a 食品安全监督抽检信息公告): the 不合格 table adds what failed and the
 * 核查处置 of the result. XLSX and CSV are written from these lists, so the two never differ.
 */
public final class DisclosureTables {

    public static final String FAILED = "不合格";
    public static final String PASSED = "合格";

    private static final DisclosureColumn NUMBER = new DisclosureColumn("序号", null, c -> String.valueOf(c.number()));
    private static final DisclosureColumn SAMPLE_ID = column("抽样单编号", "sampleId", DisclosureRow::sampleId);
    private static final DisclosureColumn MANUFACTURER = column("标称生产企业名称", "labelledManufacturer.name",
            DisclosureRow::manufacturerName);
    private static final DisclosureColumn MANUFACTURER_ADDRESS = column("标称生产企业地址", "labelledManufacturer.address",
            DisclosureRow::manufacturerAddress);
    private static final DisclosureColumn SAMPLED_UNIT = column("被抽样单位名称", "enterprise.name", DisclosureRow::sampledUnit);
    private static final DisclosureColumn SAMPLED_UNIT_LOCATION = column("被抽样单位所在地", "districtName, town",
            DisclosureRow::sampledUnitLocation);
    private static final DisclosureColumn FOOD = column("食品名称", "foodName", DisclosureRow::foodName);
    private static final DisclosureColumn SPECIFICATION = column("规格型号", "specification", DisclosureRow::specification);
    private static final DisclosureColumn PRODUCTION = column("生产日期/批号", "productionDate, batchNo",
            DisclosureRow::productionDateOrBatch);
    private static final DisclosureColumn FAILED_ITEMS = column("不合格项目‖检验结果‖标准值", "items",
            DisclosureRow::failedItems);
    private static final DisclosureColumn CATEGORY = column("分类", "foodCategory", DisclosureRow::category);
    private static final DisclosureColumn ANNOUNCEMENT_NO = new DisclosureColumn("公告号", null,
            c -> c.request().announcementNo());
    private static final DisclosureColumn ANNOUNCEMENT_DATE = new DisclosureColumn("公告日期", null,
            c -> c.request().announcementDate() == null ? null : c.request().announcementDate().toString());
    private static final DisclosureColumn PROGRAM = column("任务来源", "program", DisclosureRow::program);
    private static final DisclosureColumn LAB = column("检验机构", "lab", DisclosureRow::lab);
    private static final DisclosureColumn DISPOSAL = new DisclosureColumn("核查处置情况", null, c -> c.row().disposal());

    private static final List<DisclosureColumn> FAILED_COLUMNS = List.of(NUMBER, SAMPLE_ID, MANUFACTURER,
            MANUFACTURER_ADDRESS, SAMPLED_UNIT, SAMPLED_UNIT_LOCATION, FOOD, SPECIFICATION, PRODUCTION, FAILED_ITEMS,
            CATEGORY, ANNOUNCEMENT_NO, ANNOUNCEMENT_DATE, PROGRAM, LAB, DISPOSAL);
    private static final List<DisclosureColumn> PASSED_COLUMNS = FAILED_COLUMNS.stream()
            .filter(column -> column != FAILED_ITEMS && column != DISPOSAL).toList();

    private DisclosureTables() {
    }

    /** The columns of the 不合格 or the 合格 table. */
    public static List<DisclosureColumn> columns(String table) {
        return switch (table) {
            case FAILED -> FAILED_COLUMNS;
            case PASSED -> PASSED_COLUMNS;
            default -> throw new IllegalArgumentException("a table is 不合格 or 合格, not " + table);
        };
    }

    private static DisclosureColumn column(String heading, String source, Function<DisclosureRow, String> value) {
        return new DisclosureColumn(heading, source, c -> value.apply(c.row()));
    }
}
