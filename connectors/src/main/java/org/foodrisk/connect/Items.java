package org.foodrisk.connect;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of test items: results, limits, units and the hazard class of an item name. */
final class Items {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A number with an optional unit after it, e.g. {@code 0.52mg/kg}, {@code 1.2×10⁴CFU/g}. */
    private static final Pattern NUMBER_UNIT =
            Pattern.compile("^([-+]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)\\s*(\\S.*)?$");
    /** A comparison in front of a limit. */
    private static final Pattern LIMIT_OP = Pattern.compile("^(≤|<=|≥|>=|<|>|＜|＞|=|不大于|不小于|不超过)\\s*(.*)$");

    private static final Map<String, String> HAZARD_KEYWORDS = new LinkedHashMap<>();

    static {
        for (String k : List.of("菌落总数", "大肠菌群", "沙门氏菌", "金黄色葡萄球菌", "李斯特", "霉菌", "酵母",
                "致泻大肠埃希氏菌", "副溶血性弧菌", "蜡样芽胞杆菌", "商业无菌", "志贺氏菌", "阪崎")) {
            HAZARD_KEYWORDS.put(k, "微生物");
        }
        for (String k : List.of("黄曲霉毒素", "赭曲霉毒素", "脱氧雪腐镰刀菌烯醇", "玉米赤霉烯酮", "展青霉素", "组胺", "河豚毒素")) {
            HAZARD_KEYWORDS.put(k, "生物毒素");
        }
        for (String k : List.of("铅", "镉", "汞", "砷", "铬", "镍", "铝的残留量")) {
            HAZARD_KEYWORDS.put(k, "重金属");
        }
        for (String k : List.of("苯并[a]芘", "苯并(a)芘", "N-二甲基亚硝胺", "3-氯-1,2-丙二醇", "多氯联苯")) {
            HAZARD_KEYWORDS.put(k, "污染物");
        }
        for (String k : List.of("沙星", "磺胺", "氯霉素", "呋喃", "孔雀石绿", "结晶紫", "地西泮", "甲硝唑", "地美硝唑",
                "五氯酚酸钠", "土霉素", "四环素", "金霉素", "多西环素", "克伦特罗", "莱克多巴胺", "沙丁胺醇", "氟苯尼考",
                "甲氧苄啶", "林可霉素", "喹乙醇", "尼卡巴嗪", "金刚烷胺", "利巴韦林")) {
            HAZARD_KEYWORDS.put(k, "兽药残留");
        }
        for (String k : List.of("苏丹红", "罂粟", "吗啡", "可待因", "西地那非", "他达拉非", "硼砂", "硼酸", "吊白块",
                "三聚氰胺", "工业明胶", "酸性橙", "碱性嫩黄")) {
            HAZARD_KEYWORDS.put(k, "非法添加");
        }
        for (String k : List.of("苯甲酸", "山梨酸", "脱氢乙酸", "糖精钠", "甜蜜素", "环己基氨基磺酸", "安赛蜜", "二氧化硫",
                "亚硝酸盐", "硝酸盐", "着色剂", "柠檬黄", "日落黄", "胭脂红", "诱惑红", "亮蓝", "苋菜红", "防腐剂",
                "铝的残留", "丙酸", "纳他霉素", "乙二胺四乙酸", "甜味剂", "阿斯巴甜", "三氯蔗糖", "过氧化苯甲酰", "对羟基苯甲酸")) {
            HAZARD_KEYWORDS.put(k, "食品添加剂");
        }
        for (String k : List.of("酸价", "过氧化值", "蛋白质", "脂肪", "水分", "灰分", "总酸", "酒精度", "甲醇", "氰化物",
                "氨基酸态氮", "挥发性盐基氮", "极性组分", "溶剂残留", "非脂乳固体", "钠", "净含量", "干燥失重", "铁",
                "锌", "钙", "维生素", "总糖", "可溶性固形物", "大肠杆菌")) {
            HAZARD_KEYWORDS.putIfAbsent(k, "质量指标");
        }
        for (String k : List.of("菊酯", "磷", "威", "毒死蜱", "腐霉利", "啶虫脒", "吡虫啉", "噻虫", "多菌灵", "乐果",
                "灭蝇胺", "氟虫腈", "阿维菌素", "哒螨灵", "唑", "吗啉", "虫螨腈", "敌敌畏", "甲氨基阿维菌素", "百菌清",
                "腈菌唑", "嘧霉胺", "烯酰吗啉", "霜霉威", "氯氰菊酯", "联苯肼酯", "乙螨唑", "螺螨酯", "丙溴磷", "异菌脲",
                "甲拌磷", "克百威", "涕灭威", "氧乐果", "久效磷", "硫丹", "六六六", "滴滴涕", "三氯杀螨醇", "溴氰菊酯",
                "2,4-滴", "咪鲜胺", "抑霉唑", "噻苯咪唑", "吡唑醚菌酯", "嘧菌酯", "氯吡脲", "乙烯利", "草甘膦", "百草枯")) {
            HAZARD_KEYWORDS.putIfAbsent(k, "农药残留");
        }
    }

    private Items() {
    }

    /** The hazard class of a test item from its name, or null when not known. */
    static String hazardClass(String item) {
        if (item == null) {
            return null;
        }
        // 大肠菌群 contains no metal; 铅 etc. are single characters, so check longer keywords first
        // by insertion order (microbes, toxins) before metals and the broad pesticide suffixes.
        for (Map.Entry<String, String> e : HAZARD_KEYWORDS.entrySet()) {
            if (item.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** A measurement: a number when the text is one (unit split off), else the text as written. */
    record Measurement(Object value, String unit) {
    }

    static Measurement measurement(String text) {
        if (text == null || text.isBlank()) {
            return new Measurement(null, null);
        }
        String s = text.strip();
        Matcher m = NUMBER_UNIT.matcher(s);
        if (m.matches()) {
            String unit = m.group(2) == null ? null : m.group(2).strip();
            // "1.2×10⁴CFU/g" and the like: keep the text, the number alone would be wrong.
            if (unit != null && (unit.startsWith("×") || unit.startsWith("x10") || unit.startsWith("*"))) {
                return new Measurement(s, null);
            }
            return new Measurement(new BigDecimal(m.group(1)), unit);
        }
        return new Measurement(s, null);
    }

    /** A limit: comparison (limitType), value and unit, e.g. {@code ≤0.2mg/kg} or {@code 不得检出}. */
    record Limit(String limitType, Object value, String unit) {
    }

    static Limit limit(String text) {
        if (text == null || text.isBlank()) {
            return new Limit(null, null, null);
        }
        String s = text.strip();
        if (s.contains("不得检出") || s.equals("ND")) {
            return new Limit("不得检出", null, null);
        }
        Matcher op = LIMIT_OP.matcher(s);
        String limitType = null;
        if (op.matches()) {
            limitType = switch (op.group(1)) {
                case "<=", "不大于", "不超过" -> "≤";
                case ">=", "不小于" -> "≥";
                case "＜" -> "<";
                case "＞" -> ">";
                default -> op.group(1);
            };
            s = op.group(2).strip();
        }
        Measurement m = measurement(s);
        return new Limit(limitType, m.value(), m.unit());
    }

    /** One item node of the contract. */
    static ObjectNode item(String name, String hazardClass, String result, String unit, String limit,
                           String limitType, String standard, Boolean pass) {
        ObjectNode item = NODES.objectNode();
        item.put("item", name.strip());
        String hc = blankToNull(hazardClass);
        item.put("hazardClass", hc != null ? hc : hazardClass(name));
        Measurement r = measurement(result);
        Limit l = limit(limit);
        putMeasurement(item, "result", r.value());
        String u = blankToNull(unit);
        item.put("unit", u != null ? u : r.unit() != null ? r.unit() : l.unit());
        putMeasurement(item, "limit", l.value());
        String lt = blankToNull(limitType);
        item.put("limitType", lt != null ? lt : l.limitType());
        item.put("standard", blankToNull(standard));
        if (pass != null) {
            item.put("pass", pass);
        } else {
            item.putNull("pass");
        }
        return item;
    }

    /**
     * Splits the notice column 不合格项目║检验结果║标准值 into items: one item per line (or per
     * ；), each {@code name║result║limit}.
     */
    static List<String[]> splitNoticeItems(String cell) {
        List<String[]> out = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return out;
        }
        for (String part : cell.split("\\r?\\n|；|;")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String[] f = p.split("\\s*[║|｜]\\s*", -1);
            out.add(new String[] {
                f[0].strip(), f.length > 1 ? f[1].strip() : null, f.length > 2 ? f[2].strip() : null});
        }
        return out;
    }

    private static void putMeasurement(ObjectNode node, String field, Object value) {
        if (value instanceof BigDecimal d) {
            node.put(field, d);
        } else if (value != null) {
            node.put(field, value.toString());
        } else {
            node.putNull(field);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
