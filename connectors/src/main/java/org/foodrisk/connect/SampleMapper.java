package org.foodrisk.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.foodrisk.connect.TableFile.TableRow;
import org.foodrisk.topics.ContractValidator;
import org.foodrisk.topics.Topics;
import java.util.function.Function;

/**
 * Turns the rows of a dropped file into units: one sampling-result record per sample, or one
 * dead letter per bad row (group). The units of a file are a pure function of its content, so
 * that the unit number is a stable source offset.
 */
final class SampleMapper {

    /** The layouts a file can have. */
    enum Layout { LIMS, NOTICE }

    /**
     * One unit of output. {@code deadLetter} units carry a dead-letter value; the others a
     * contract sampling result keyed by {@code key} (= sampleId).
     */
    record Unit(String key, String json, boolean deadLetter, String where) {
    }

    /** A file whose layout cannot be recognised at all. */
    static final class UnrecognisedFileException extends Exception {
        UnrecognisedFileException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = DeadLetters.JSON;
    private static final int HEADER_SEARCH_ROWS = 20;

    static final List<String> LIMS_COLUMNS = List.of("sampleId", "program", "agency", "labCode", "lab",
            "districtCode", "districtName", "town", "stage", "enterpriseName", "enterpriseCreditCode",
            "enterpriseLicenseNo", "foodCategory", "foodSubcategory", "foodName", "sampledAt", "reportedAt",
            "verdict", "item", "hazardClass", "result", "unit", "limit", "limitType", "standard", "pass");

    private final SamplingFileSourceConfig config;
    private final ContractValidator validator = ContractValidator.forTopic(Topics.SAMPLING_RESULTS);
    private final ZoneOffset offset;

    SampleMapper(SamplingFileSourceConfig config) {
        this.config = config;
        this.offset = config.zoneOffset();
    }

    /** The units of a file, in order. */
    List<Unit> map(String fileName, List<List<TableRow>> sheets) throws UnrecognisedFileException {
        List<Unit> units = new ArrayList<>();
        boolean recognised = false;
        for (List<TableRow> sheet : sheets) {
            for (int h = 0; h < Math.min(HEADER_SEARCH_ROWS, sheet.size()); h++) {
                Optional<Layout> layout = layoutOf(sheet.get(h));
                if (layout.isPresent()) {
                    recognised = true;
                    List<TableRow> header = List.of(sheet.get(h));
                    List<TableRow> data = sheet.subList(h + 1, sheet.size()).stream()
                            .filter(Predicate.not(TableRow::blank)).toList();
                    if (layout.get() == Layout.LIMS) {
                        units.addAll(mapLims(fileName, header.get(0), data));
                    } else {
                        units.addAll(mapNotice(fileName, header.get(0), data));
                    }
                    break;
                }
            }
        }
        if (!recognised) {
            throw new UnrecognisedFileException("no header row of a known layout in the first " + HEADER_SEARCH_ROWS
                    + " rows (LIMS export: a column sampleId; national notice: columns 序号 and 食品名称)");
        }
        return units;
    }

    private Optional<Layout> layoutOf(TableRow row) {
        List<String> names = row.cells().stream().map(SampleMapper::normalise).toList();
        boolean lims = names.stream().anyMatch(n -> n.equalsIgnoreCase("sampleId"));
        boolean notice = names.contains("序号") && names.stream().anyMatch(n -> n.equals("食品名称") || n.equals("样品名称"));
        String wanted = config.layout();
        if (lims && !"notice".equals(wanted)) {
            return Optional.of(Layout.LIMS);
        }
        if (notice && !"lims".equals(wanted)) {
            return Optional.of(Layout.NOTICE);
        }
        return Optional.empty();
    }

    static String normalise(String header) {
        return header == null ? "" : header.replaceAll("[\\s\\u3000\\uFEFF]+", "").replace('／', '/');
    }

    // ---------------------------------------------------------------- LIMS export

    private List<Unit> mapLims(String fileName, TableRow header, List<TableRow> rows) {
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String n = normalise(header.cell(i));
            for (String known : LIMS_COLUMNS) {
                if (known.equalsIgnoreCase(n)) {
                    col.putIfAbsent(known, i);
                }
            }
        }
        // Group rows by sampleId in order of first appearance; rows without a sampleId stand alone.
        Map<String, List<TableRow>> groups = new LinkedHashMap<>();
        int anonymous = 0;
        for (TableRow row : rows) {
            String id = Items.blankToNull(row.cell(col.get("sampleId")));
            groups.computeIfAbsent(id != null ? "id:" + id : "row:" + anonymous++, k -> new ArrayList<>()).add(row);
        }
        List<Unit> units = new ArrayList<>();
        for (Map.Entry<String, List<TableRow>> group : groups.entrySet()) {
            List<TableRow> g = group.getValue();
            String key = group.getKey().startsWith("id:") ? group.getKey().substring(3) : null;
            List<String> errors = new ArrayList<>();
            ObjectNode value = null;
            if (key == null) {
                errors.add("sampleId is empty");
            } else {
                value = limsRecord(key, g, col, errors);
            }
            units.add(finish(fileName, key, value, errors, g, header));
        }
        return units;
    }

    private ObjectNode limsRecord(String sampleId, List<TableRow> rows, Map<String, Integer> col, List<String> errors) {
        TableRow first = rows.get(0);
        Function<String, String> f = name -> {
            Integer i = col.get(name);
            if (i == null) {
                return null;
            }
            for (TableRow r : rows) { // first non-blank value of the group
                String v = Items.blankToNull(r.cell(i));
                if (v != null) {
                    return v;
                }
            }
            return null;
        };
        ObjectNode v = JSON.createObjectNode();
        v.put("sampleId", sampleId);
        v.put("program", f.apply("program"));
        putIfPresent(v, "agency", f.apply("agency"));
        String lab = f.apply("lab");
        putIfPresent(v, "lab", lab);
        String labCode = f.apply("labCode");
        v.put("labCode", labCode != null ? labCode : config.labCode(lab));
        String districtCode = f.apply("districtCode");
        String districtName = f.apply("districtName");
        if (districtCode == null && districtName != null) {
            districtCode = TianjinDistricts.byNameOrCode(districtName).map(TianjinDistricts.District::code).orElse(null);
        }
        putIfPresent(v, "districtCode", districtCode);
        putIfPresent(v, "districtName", districtName);
        putIfPresent(v, "town", f.apply("town"));
        putIfPresent(v, "stage", f.apply("stage"));
        String entName = f.apply("enterpriseName");
        if (entName != null || f.apply("enterpriseCreditCode") != null) {
            ObjectNode e = v.putObject("enterprise");
            e.put("name", entName);
            e.put("creditCode", f.apply("enterpriseCreditCode"));
            e.put("licenseNo", f.apply("enterpriseLicenseNo"));
        }
        v.put("foodCategory", f.apply("foodCategory"));
        putIfPresent(v, "foodSubcategory", f.apply("foodSubcategory"));
        v.put("foodName", f.apply("foodName"));
        time(v, "sampledAt", f.apply("sampledAt"), errors);
        time(v, "reportedAt", f.apply("reportedAt"), errors);
        // Any 不合格 row makes the sample 不合格.
        String verdict = null;
        Integer vi = col.get("verdict");
        for (TableRow r : rows) {
            String rv = vi == null ? null : Items.blankToNull(r.cell(vi));
            if (rv != null && (verdict == null || "不合格".equals(rv))) {
                verdict = rv;
            }
        }
        v.put("verdict", verdict);
        ArrayNode items = v.putArray("items");
        for (TableRow r : rows) {
            String name = cell(r, col, "item");
            if (name == null) {
                continue;
            }
            items.add(Items.item(name, cell(r, col, "hazardClass"), cell(r, col, "result"), cell(r, col, "unit"),
                    cell(r, col, "limit"), cell(r, col, "limitType"), cell(r, col, "standard"),
                    bool(cell(r, col, "pass"))));
        }
        if (first.cells().size() < 2) {
            errors.add("row has fewer than 2 cells (wrong separator?)");
        }
        return v;
    }

    private static String cell(TableRow r, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null ? null : Items.blankToNull(r.cell(i));
    }

    private static Boolean bool(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "是", "合格", "y", "yes", "1" -> Boolean.TRUE;
            case "false", "否", "不合格", "n", "no", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    // ---------------------------------------------------------------- national sampling notice

    private List<Unit> mapNotice(String fileName, TableRow header, List<TableRow> rows) {
        Map<String, List<Integer>> col = new LinkedHashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String n = normalise(header.cell(i));
            String field = noticeField(n);
            if (field != null) {
                col.computeIfAbsent(field, k -> new ArrayList<>()).add(i);
            }
        }
        boolean failedProducts = col.containsKey("items");
        List<Unit> units = new ArrayList<>();
        for (TableRow row : rows) {
            List<String> errors = new ArrayList<>();
            String seq = ncell(row, col, "seq");
            String noticeNo = ncell(row, col, "noticeNo");
            if (noticeNo == null) {
                noticeNo = stem(fileName);
            }
            String key = seq == null ? null : (noticeNo + "-" + seq).replaceAll("\\s+", "");
            ObjectNode v = null;
            if (seq == null) {
                errors.add("序号 is empty");
            } else {
                v = noticeRecord(key, row, col, failedProducts, errors);
            }
            units.add(finish(fileName, key, v, errors, List.of(row), header));
        }
        return units;
    }

    private static String noticeField(String n) {
        if (n.equals("序号")) {
            return "seq";
        } else if (n.startsWith("标称生产企业名称")) {
            return "producerName";
        } else if (n.startsWith("标称生产企业地址")) {
            return "producerAddress";
        } else if (n.startsWith("被抽样单位名称") || n.equals("被抽样单位")) {
            return "sampledName";
        } else if (n.startsWith("被抽样单位") && (n.contains("地址") || n.contains("省份") || n.contains("所在地"))) {
            return "sampledAddress";
        } else if (n.equals("食品名称") || n.equals("样品名称")) {
            return "foodName";
        } else if (n.startsWith("规格型号")) {
            return "spec";
        } else if (n.equals("商标")) {
            return "brand";
        } else if (n.startsWith("生产日期")) {
            return "productionDate";
        } else if (n.startsWith("不合格项目")) {
            return "items";
        } else if (n.equals("分类") || n.equals("食品大类") || n.equals("食品类别") || n.equals("食品分类")) {
            return "category";
        } else if (n.equals("公告号") || n.equals("公告编号")) {
            return "noticeNo";
        } else if (n.equals("公告日期") || n.equals("公告时间") || n.equals("发布日期")) {
            return "noticeDate";
        } else if (n.startsWith("任务来源")) {
            return "taskSource";
        } else if (n.startsWith("检验机构") || n.equals("承检机构")) {
            return "lab";
        } else if (n.equals("备注")) {
            return "remark";
        }
        return null;
    }

    private ObjectNode noticeRecord(String sampleId, TableRow row, Map<String, List<Integer>> col,
                                    boolean failedProducts, List<String> errors) {
        ObjectNode v = JSON.createObjectNode();
        v.put("sampleId", sampleId);
        String source = ncell(row, col, "taskSource");
        v.put("program", program(source));
        putIfPresent(v, "agency", source);
        String lab = ncell(row, col, "lab");
        putIfPresent(v, "lab", lab);
        v.put("labCode", config.labCode(lab));
        String sampledName = ncell(row, col, "sampledName");
        String address = String.join(" ", ncells(row, col, "sampledAddress"));
        Optional<TianjinDistricts.District> district = TianjinDistricts.find(address)
                .or(() -> TianjinDistricts.find(sampledName));
        if (district.isPresent()) {
            v.put("districtCode", district.get().code());
            v.put("districtName", district.get().name());
        } else {
            errors.add("no Tianjin district in 被抽样单位所在省份/地址 '" + address + "' or 被抽样单位名称 '"
                    + sampledName + "'");
        }
        if (sampledName != null) {
            v.putObject("enterprise").put("name", sampledName);
        }
        v.put("foodCategory", ncell(row, col, "category"));
        v.put("foodName", ncell(row, col, "foodName"));
        String noticeDate = ncell(row, col, "noticeDate");
        String productionDate = ncell(row, col, "productionDate");
        Optional<OffsetDateTime> noticeAt = Dates.parse(noticeDate, offset);
        Optional<OffsetDateTime> producedAt = Dates.parse(productionDate, offset);
        Optional<OffsetDateTime> sampledAt = config.sampledAtFromProductionDate()
                ? producedAt.or(() -> noticeAt) : noticeAt.or(() -> producedAt);
        if (sampledAt.isPresent()) {
            v.put("sampledAt", Dates.format(sampledAt.get()));
        } else {
            errors.add("no date in 公告日期 '" + noticeDate + "' or 生产日期/批号 '" + productionDate + "'");
        }
        noticeAt.ifPresent(t -> v.put("reportedAt", Dates.format(t)));
        v.put("verdict", failedProducts ? "不合格" : "合格");
        ArrayNode items = v.putArray("items");
        for (String[] it : Items.splitNoticeItems(ncell(row, col, "items"))) {
            items.add(Items.item(it[0], null, it[1], null, it[2], null, null, Boolean.FALSE));
        }
        // Optional extra fields (the contract allows additions): what the notice says beyond the contract.
        ObjectNode notice = v.putObject("notice");
        notice.put("number", ncell(row, col, "noticeNo"));
        notice.put("date", noticeDate);
        notice.put("seq", ncell(row, col, "seq"));
        notice.put("producerName", ncell(row, col, "producerName"));
        notice.put("producerAddress", ncell(row, col, "producerAddress"));
        notice.put("sampledAddress", Items.blankToNull(address));
        notice.put("spec", ncell(row, col, "spec"));
        notice.put("brand", ncell(row, col, "brand"));
        notice.put("productionDateOrBatch", productionDate);
        notice.put("remark", ncell(row, col, "remark"));
        return v;
    }

    /** The programme from 任务来源/项目名称: the level of the commissioning authority. */
    String program(String taskSource) {
        if (taskSource == null || taskSource.isBlank()) {
            return config.noticeDefaultProgram();
        }
        String s = taskSource.replace("市场监督管理", "").replace("市场监管", "");
        if (s.contains("国家") || s.contains("总局")) {
            return "国抽";
        } else if (s.contains("区")) {
            return "区抽";
        } else if (s.contains("县")) {
            return "县抽";
        } else if (s.contains("省")) {
            return "省抽";
        } else if (s.contains("市")) {
            return "市抽";
        }
        return config.noticeDefaultProgram();
    }

    private static String ncell(TableRow row, Map<String, List<Integer>> col, String field) {
        List<String> all = ncells(row, col, field);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<String> ncells(TableRow row, Map<String, List<Integer>> col, String field) {
        List<String> out = new ArrayList<>();
        for (int i : col.getOrDefault(field, List.of())) {
            String v = Items.blankToNull(row.cell(i));
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- common

    private Unit finish(String fileName, String key, ObjectNode value, List<String> errors, List<TableRow> rows,
                        TableRow header) {
        String where = where(rows);
        if (value != null && errors.isEmpty()) {
            errors.addAll(validator.validate(value));
        }
        if (errors.isEmpty()) {
            try {
                return new Unit(key, JSON.writeValueAsString(value), false, where);
            } catch (JsonProcessingException e) {
                errors.add("cannot serialise: " + e.getMessage());
            }
        }
        StringBuilder raw = new StringBuilder(header.asCsv());
        for (TableRow r : rows) {
            raw.append('\n').append(r.asCsv());
        }
        String error = String.join("; ", errors);
        String reason = "file " + fileName + " " + where + ": " + error;
        ObjectNode dl = DeadLetters.of("file:" + fileName, null, rows.get(0).firstLine(), key, raw.toString(),
                error, reason);
        try {
            return new Unit(key, JSON.writeValueAsString(dl), true, where);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String where(List<TableRow> rows) {
        if (rows.size() == 1) {
            return rows.get(0).where();
        }
        TableRow first = rows.get(0);
        TableRow last = rows.get(rows.size() - 1);
        String sheet = first.sheet() == null ? "" : "sheet " + first.sheet() + " ";
        String unit = first.sheet() == null ? "lines " : "rows ";
        boolean contiguous = true;
        for (int i = 1; i < rows.size(); i++) {
            contiguous &= rows.get(i).firstLine() == rows.get(i - 1).lastLine() + 1;
        }
        if (contiguous) {
            return sheet + unit + first.firstLine() + "-" + last.lastLine();
        }
        return sheet + unit + String.join(", ", rows.stream().map(r -> Long.toString(r.firstLine())).toList());
    }

    private void time(ObjectNode v, String field, String text, List<String> errors) {
        if (text == null) {
            return;
        }
        Optional<OffsetDateTime> t = Dates.parse(text, offset);
        if (t.isPresent()) {
            v.put(field, Dates.format(t.get()));
        } else {
            errors.add(field + " '" + text + "' is not a date");
        }
    }

    private static void putIfPresent(ObjectNode v, String field, String value) {
        if (value != null) {
            v.put(field, value);
        }
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
