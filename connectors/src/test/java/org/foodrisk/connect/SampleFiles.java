package org.foodrisk.connect;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The sample files of {@code connectors/samples/}: a national sampling notice (不合格产品信息)
 * as XLSX and CSV. {@code main} (re)writes them; tests use the same rows.
 */
public final class SampleFiles {

    static final String[] NOTICE_HEADER = {
        "序号", "标称生产企业名称", "标称生产企业地址", "被抽样单位名称", "被抽样单位所在省份/地址", "食品名称", "规格型号",
        "商标", "生产日期/批号", "不合格项目║检验结果║标准值", "分类", "公告号", "公告日期", "任务来源/项目名称", "检验机构", "备注"};

    /** Dates in columns 8 (生产日期/批号) and 12 (公告日期) are written as real Excel dates when ISO. */
    static final List<String[]> NOTICE_ROWS = List.of(
        new String[] {"1", "/", "/", "武清区杨村某某蔬菜店", "天津 天津市武清区杨村街道泉州路12号", "韭菜", "/", "/",
            "2024-05-06", "腐霉利║0.52mg/kg║≤0.2mg/kg", "食用农产品", "2024年第12期", "2024-05-20",
            "天津市市场监督管理委员会", "天津市武清区食品药品检验所", ""},
        new String[] {"2", "河北某某食品有限公司", "河北省廊坊市某某工业园", "天津市宝坻区某某购物广场", "天津 宝坻区南城路88号",
            "酱卤肉", "500克/袋", "某某", "2024/04/28",
            "菌落总数║1.2×10⁵CFU/g║n=5,c=2,m=10⁴,M=10⁵CFU/g\n苯甲酸及其钠盐（以苯甲酸计）║0.32g/kg║不得使用", "肉制品",
            "2024年第12期", "2024-05-20", "国家市场监督管理总局", "天津市产品质量监督检测技术研究院", ""},
        new String[] {"3", "/", "/", "某某水产经营部", "天津 塘沽新港路9号", "大黄鱼", "/", "/", "2024-05-10",
            "恩诺沙星║152μg/kg║≤100μg/kg", "食用农产品", "2024年第12期", "2024-05-20", "天津市滨海新区市场监督管理局",
            "天津海关动植物与食品检测中心", "复检维持原结论"},
        new String[] {"4", "某某粮油有限公司", "天津市西青区某某路1号", "天津市西青区某某粮油店", "天津 西青区杨柳青镇估衣街3号",
            "大米", "5kg/袋", "某某", "20240315 批号B0315", "镉(以Cd计)║0.35mg/kg║≤0.2mg/kg", "粮食加工品",
            "2024年第12期", "2024-05-20", "天津市市场监督管理委员会", "天津市食品安全检测技术研究院", ""});

    /** The sampleIds of the notice rows, as the connector builds them (公告号-序号). */
    static final List<String> NOTICE_IDS =
            List.of("2024年第12期-1", "2024年第12期-2", "2024年第12期-3", "2024年第12期-4");

    private SampleFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "samples");
        Files.createDirectories(dir);
        writeNoticeXlsx(dir.resolve("notice.xlsx"));
        writeNoticeCsv(dir.resolve("notice.csv"));
    }

    static void writeNoticeXlsx(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("不合格产品信息");
            CreationHelper helper = wb.getCreationHelper();
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue("附件1 食品安全监督抽检不合格产品信息（2024年第12期）");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, NOTICE_HEADER.length - 1));
            Row header = sheet.createRow(1);
            for (int c = 0; c < NOTICE_HEADER.length; c++) {
                header.createCell(c).setCellValue(NOTICE_HEADER[c]);
            }
            int r = 2;
            for (String[] values : NOTICE_ROWS) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.length; c++) {
                    Cell cell = row.createCell(c);
                    if ((c == 8 || c == 12) && values[c].matches("\\d{4}-\\d{2}-\\d{2}")) {
                        cell.setCellValue(LocalDate.parse(values[c]));
                        cell.setCellStyle(date);
                    } else if (c == 0) {
                        cell.setCellValue(Integer.parseInt(values[c]));
                    } else {
                        cell.setCellValue(values[c]);
                        if (values[c].contains("\n")) {
                            cell.setCellStyle(wrap);
                        }
                    }
                }
            }
            for (int c = 0; c < NOTICE_HEADER.length; c++) {
                sheet.setColumnWidth(c, c == 9 ? 12000 : 5000);
            }
            wb.write(out);
        }
    }

    static void writeNoticeCsv(Path file) throws IOException {
        writeCsv(file, NOTICE_HEADER, NOTICE_ROWS);
    }

    static void writeCsv(Path file, String[] header, List<String[]> rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(sb, CSVFormat.DEFAULT)) {
            printer.printRecord(Arrays.asList(header));
            for (String[] row : rows) {
                printer.printRecord(Arrays.asList(row));
            }
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /** A copy of the notice rows with one row changed (for bad-row tests). */
    static List<String[]> noticeRowsWith(int index, int column, String value) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < NOTICE_ROWS.size(); i++) {
            String[] r = NOTICE_ROWS.get(i).clone();
            if (i == index) {
                r[column] = value;
            }
            rows.add(r);
        }
        return rows;
    }
}
