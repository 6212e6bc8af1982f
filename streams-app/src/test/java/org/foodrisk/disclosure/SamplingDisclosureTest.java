package org.foodrisk.disclosure;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.foodrisk.disposal.CaseState;
import org.foodrisk.disposal.DisposalCase;
import org.foodrisk.disposal.DisposalMeasure;
import org.foodrisk.ingest.SamplingPrograms;
import org.foodrisk.ingest.SamplingResult;
import org.foodrisk.kafka.Json;
import org.foodrisk.testsupport.SheetCells;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * 抽检信息公开 of one district and month from results as the topology accepts them: which results a period
 * holds (reported in it, of 监督抽检, of the district), the cells of each table column by column — in the
 * workbook read back with POI and in the CSV read back with commons-csv — and what the records lack, listed.
 */
class SamplingDisclosureTest {

    private static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2024-06-03T09:00:00+08:00");

    /** 不合格, every optional field given, its case 已处置 with two measures in time. */
    private static final String LEEK = """
            {"sampleId":"XQ-2405-0007","program":"区抽","agency":"区市场监管局","lab":"天津市西青区食品检验所",
             "labCode":"LAB-120111-01","districtCode":"120111","districtName":"西青区","town":"杨柳青镇","stage":"流通",
             "enterprise":{"name":"西青区某某蔬菜店","creditCode":"92120111MA06XXXX1A"},"foodCategory":"食用农产品",
             "foodSubcategory":"蔬菜","foodName":"韭菜","sampledAt":"2024-05-06T09:30:00+08:00",
             "reportedAt":"2024-05-13T16:00:00+08:00","verdict":"不合格","items":[
               {"item":"腐霉利","hazardClass":"农药残留","result":0.52,"unit":"mg/kg","limit":0.2,"limitType":"≤","pass":false},
               {"item":"毒死蜱","hazardClass":"农药残留","result":"未检出","unit":"mg/kg","limit":0.02,"limitType":"≤","pass":true},
               {"item":"镉","hazardClass":"重金属","result":"0.11","unit":"mg/kg","limit":"0.05","limitType":"≤","pass":false}],
             "labelledManufacturer":{"name":"/","address":"/"},"specification":"散装","productionDate":"2024-05-05"}
            """;
    /** 不合格 without label, specification, date or lab name; no case. */
    private static final String SAUCE = """
            {"sampleId":"XQ-2405-0011","program":"市抽","labCode":"LAB-TJ-02","districtCode":"120111",
             "districtName":"西青区","foodCategory":"调味品","foodName":"酱油","sampledAt":"2024-05-20T10:00:00+08:00",
             "reportedAt":"2024-05-31T23:30:00+08:00","verdict":"不合格","items":[
               {"item":"苯甲酸及其钠盐（以苯甲酸计）","hazardClass":"食品添加剂","result":"1.2","unit":"g/kg","limit":"1.0",
                "limitType":"≤","pass":false}]}
            """;
    /** 合格 with a label and a batch; sampled in April, reported in May: in May's tables. */
    private static final String MILK = """
            {"sampleId":"XQ-2404-0020","program":"国抽","lab":"天津市食品安全检测技术研究院","labCode":"LAB-TJ-01",
             "districtCode":"120111","districtName":"西青区","town":"中北镇","enterprise":{"name":"某某超市"},
             "foodCategory":"乳制品","foodName":"纯牛奶","sampledAt":"2024-04-25T10:00:00+08:00",
             "reportedAt":"2024-05-02T11:00:00+08:00","verdict":"合格","items":[],
             "labelledManufacturer":{"name":"某某乳业有限公司","address":"天津市某某区某某路1号"},
             "specification":"250mL/盒","productionDate":"2024-04-01","batchNo":"A0401"}
            """;
    /** Left out: 快检 is screening, not 监督抽检. */
    private static final String RAPID = """
            {"sampleId":"KJ-2405-0001","program":"快检","labCode":"KJ-120111","districtCode":"120111","districtName":"西青区",
             "foodCategory":"食用农产品","foodName":"豇豆","sampledAt":"2024-05-08T08:00:00+08:00",
             "reportedAt":"2024-05-08T09:00:00+08:00","verdict":"不合格","items":[{"item":"克百威","pass":false}]}
            """;
    /** Left out: sampled in May, reported in June (Tianjin's 1 June, 31 May in UTC: the zone decides). */
    private static final String LATE = """
            {"sampleId":"XQ-2405-0030","program":"区抽","lab":"某所","labCode":"L3","districtCode":"120111",
             "districtName":"西青区","foodCategory":"糕点","foodName":"月饼","sampledAt":"2024-05-28T10:00:00+08:00",
             "reportedAt":"2024-06-01T01:00:00+08:00","verdict":"合格","items":[]}
            """;
    /** Left out: another district. */
    private static final String WUQING = """
            {"sampleId":"WQ-2405-0001","program":"区抽","lab":"某所","labCode":"L4","districtCode":"120114",
             "districtName":"武清区","foodCategory":"糕点","foodName":"面包","sampledAt":"2024-05-10T10:00:00+08:00",
             "reportedAt":"2024-05-12T10:00:00+08:00","verdict":"合格","items":[]}
            """;

    private static SamplingDisclosure may() throws Exception {
        List<SamplingResult> results = new ArrayList<>();
        for (String json : List.of(LEEK, SAUCE, MILK, RAPID, LATE, WUQING)) {
            results.add(Json.MAPPER.readValue(json, SamplingResult.class));
        }
        DisposalCase leekCase = new DisposalCase("XQ-2405-0007", 3, CaseState.已处置, "XQ-2405-0007", "区抽", "120111",
                "西青区", "流通", "区市场监管局", null, null, null, "食用农产品", "韭菜", null, List.of(), null, null, null,
                OffsetDateTime.parse("2024-08-11T16:00:00+08:00"), null, false, null,
                OffsetDateTime.parse("2024-05-20T10:00:00+08:00"), List.of(DisposalMeasure.下架, DisposalMeasure.立案),
                null, false, List.of(), NOW);
        DisclosureRequest request = new DisclosureRequest("120111", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31),
                "西青市监公告〔2024〕5号", LocalDate.of(2024, 6, 3), SamplingPrograms::isSupervision,
                DisclosureRequest.SUPERVISION);
        return SamplingDisclosure.of(request, results,
                id -> Optional.ofNullable(Map.of("XQ-2405-0007", leekCase).get(id)), TIANJIN, NOW);
    }

    private static final List<String> FAILED_HEADINGS = List.of("序号", "抽样单编号", "标称生产企业名称", "标称生产企业地址",
            "被抽样单位名称", "被抽样单位所在地", "食品名称", "规格型号", "生产日期/批号", "不合格项目‖检验结果‖标准值", "分类", "公告号",
            "公告日期", "任务来源", "检验机构", "核查处置情况");
    private static final List<List<String>> FAILED_CELLS = List.of(
            List.of("1", "XQ-2405-0007", "/", "/", "西青区某某蔬菜店", "西青区杨柳青镇", "韭菜", "散装", "2024-05-05",
                    "腐霉利‖0.52mg/kg‖≤0.2mg/kg；镉‖0.11mg/kg‖≤0.05mg/kg", "食用农产品", "西青市监公告〔2024〕5号", "2024-06-03",
                    "区抽", "天津市西青区食品检验所", "已处置：下架、立案；区市场监管局"),
            List.of("2", "XQ-2405-0011", "", "", "", "西青区", "酱油", "", "", "苯甲酸及其钠盐（以苯甲酸计）‖1.2g/kg‖≤1.0g/kg",
                    "调味品", "西青市监公告〔2024〕5号", "2024-06-03", "市抽", "", "未见核查处置案件"));
    private static final List<String> PASSED_HEADINGS = List.of("序号", "抽样单编号", "标称生产企业名称", "标称生产企业地址",
            "被抽样单位名称", "被抽样单位所在地", "食品名称", "规格型号", "生产日期/批号", "分类", "公告号", "公告日期", "任务来源", "检验机构");
    private static final List<List<String>> PASSED_CELLS = List.of(
            List.of("1", "XQ-2404-0020", "某某乳业有限公司", "天津市某某区某某路1号", "某某超市", "西青区中北镇", "纯牛奶", "250mL/盒",
                    "2024-04-01/A0401", "乳制品", "西青市监公告〔2024〕5号", "2024-06-03", "国抽", "天津市食品安全检测技术研究院"));

    @Test
    void theMonthHoldsTheDistrictsSupervisionResultsReportedInIt() throws Exception {
        SamplingDisclosure disclosure = may();
        assertEquals(List.of("XQ-2405-0007", "XQ-2405-0011"), disclosure.failed().stream().map(DisclosureRow::sampleId).toList(),
                "快检 is left out; in report order");
        assertEquals(List.of("XQ-2404-0020"), disclosure.passed().stream().map(DisclosureRow::sampleId).toList(),
                "sampled in April and reported in May is May's; reported on Tianjin's 1 June is June's; 武清 is not 西青");
        assertEquals("西青区", disclosure.districtName());
        assertNull(disclosure.passed().get(0).failedItems());
    }

    @Test
    void whatTheRecordsLackIsListedPerTableAndColumn() throws Exception {
        assertEquals(List.of(
                new SamplingDisclosure.Lacking("不合格", "标称生产企业名称", "labelledManufacturer.name", 1, 2),
                new SamplingDisclosure.Lacking("不合格", "标称生产企业地址", "labelledManufacturer.address", 1, 2),
                new SamplingDisclosure.Lacking("不合格", "被抽样单位名称", "enterprise.name", 1, 2),
                new SamplingDisclosure.Lacking("不合格", "规格型号", "specification", 1, 2),
                new SamplingDisclosure.Lacking("不合格", "生产日期/批号", "productionDate, batchNo", 1, 2),
                new SamplingDisclosure.Lacking("不合格", "检验机构", "lab", 1, 2)), may().lacking());
    }

    @Test
    void theWorkbookHoldsBothTablesCellByCellAndTheNotes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DisclosureWorkbook.write(may(), out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(List.of("不合格", "合格", "说明"), List.of(workbook.getSheetName(0), workbook.getSheetName(1),
                    workbook.getSheetName(2)));
            assertEquals(table(FAILED_HEADINGS, FAILED_CELLS), SheetCells.of(workbook.getSheet("不合格")));
            assertEquals(table(PASSED_HEADINGS, PASSED_CELLS), SheetCells.of(workbook.getSheet("合格")));
            List<List<String>> notes = SheetCells.of(workbook.getSheet("说明"));
            assertEquals(List.of("西青区食品安全抽检信息公开（2024-05-01至2024-05-31）"), notes.get(0));
            assertEquals(List.of("不合格", "2 批次"), notes.get(3));
            assertEquals(List.of("合格", "1 批次"), notes.get(4));
            assertEquals(List.of("表", "栏目", "缺少的记录字段", "空缺行数"), notes.get(9));
            assertEquals(List.of("不合格", "规格型号", "specification", "1 / 2"), notes.get(13));
        }
    }

    @Test
    void theCsvHoldsOneTableWithAByteOrderMarkForExcel() throws Exception {
        for (String table : List.of("不合格", "合格")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DisclosureCsv.write(may(), table, out);
            String text = out.toString(StandardCharsets.UTF_8);
            assertEquals('\uFEFF', text.charAt(0));
            List<List<String>> rows = new ArrayList<>();
            try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(out.toByteArray(), 3,
                    out.size() - 3), StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
                for (CSVRecord record : parser) {
                    rows.add(record.toList());
                }
            }
            assertEquals(table.equals("不合格") ? table(FAILED_HEADINGS, FAILED_CELLS) : table(PASSED_HEADINGS, PASSED_CELLS),
                    rows, table);
        }
    }

    /** Seen in the demo: a text limit that labs also put in limitType was written twice ("不得检出不得检出"). */
    @Test
    void aTextLimitIsWrittenOnceAndANumberWithItsComparisonAndUnit() throws Exception {
        SamplingResult result = Json.MAPPER.readValue("""
                {"sampleId":"S","verdict":"不合格","items":[
                  {"item":"阴离子合成洗涤剂","result":"0.48","unit":"mg/100cm²","limit":"不得检出","limitType":"不得检出","pass":false},
                  {"item":"腐霉利","result":0.52,"unit":"mg/kg","limit":0.2,"limitType":"≤","pass":false},
                  {"item":"菌落总数","result":"5.2×10⁵","unit":"CFU/g","limitType":"n=5,c=2,m=10⁴,M=10⁵","pass":false}]}
                """, SamplingResult.class);
        assertEquals("阴离子合成洗涤剂‖0.48mg/100cm²‖不得检出；腐霉利‖0.52mg/kg‖≤0.2mg/kg；菌落总数‖5.2×10⁵‖n=5,c=2,m=10⁴,M=10⁵",
                SamplingDisclosure.failedItems(result));
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new DisclosureRequest("120111",
                LocalDate.of(2024, 5, 31), LocalDate.of(2024, 5, 1), null, null, p -> true, "全部"));
    }

    private static List<List<String>> table(List<String> headings, List<List<String>> rows) {
        List<List<String>> table = new ArrayList<>();
        table.add(headings);
        table.addAll(rows);
        return table;
    }

}
