package org.foodrisk.ingest;

import java.util.Map;

/**
 * Maps the ways publishers actually write the contract's enumerated values onto the words the
 * contract uses. Only unambiguous spellings are mapped; anything else is left as written and the
 * schema then rejects it with the list of allowed values, so no guess ever hides a bad record.
 */
final class EnumCanonicalizer {

    private static final Map<String, String> PROGRAM = Map.ofEntries(
            Map.entry("国家抽检", "国抽"), Map.entry("国家级抽检", "国抽"), Map.entry("国家监督抽检", "国抽"),
            Map.entry("省级抽检", "省抽"), Map.entry("省抽检", "省抽"), Map.entry("市级抽检", "市抽"),
            Map.entry("市抽检", "市抽"), Map.entry("区级抽检", "区抽"), Map.entry("区抽检", "区抽"),
            Map.entry("县级抽检", "县抽"), Map.entry("快速检测", "快检"), Map.entry("你点我检活动", "你点我检"),
            Map.entry("例行检测", "例行监测"), Map.entry("风险监测抽检", "风险监测"));

    private static final Map<String, String> STAGE = Map.ofEntries(
            Map.entry("种植", "种植养殖"), Map.entry("养殖", "种植养殖"), Map.entry("种养殖", "种植养殖"),
            Map.entry("种植环节", "种植养殖"), Map.entry("养殖环节", "种植养殖"), Map.entry("屠宰环节", "屠宰"),
            Map.entry("生产环节", "生产"), Map.entry("流通环节", "流通"), Map.entry("销售", "流通"),
            Map.entry("销售环节", "流通"), Map.entry("餐饮环节", "餐饮"), Map.entry("餐饮服务", "餐饮"),
            Map.entry("网络", "网络销售"), Map.entry("网售", "网络销售"), Map.entry("进口环节", "进口"));

    private static final Map<String, String> HAZARD_CLASS = Map.ofEntries(
            Map.entry("农残", "农药残留"), Map.entry("农药残留超标", "农药残留"),
            Map.entry("兽残", "兽药残留"), Map.entry("兽药残留超标", "兽药残留"),
            Map.entry("重金属等元素污染", "重金属"), Map.entry("重金属等污染", "重金属"), Map.entry("重金属污染", "重金属"),
            Map.entry("微生物污染", "微生物"), Map.entry("微生物超标", "微生物"),
            Map.entry("生物毒素超标", "生物毒素"), Map.entry("真菌毒素", "生物毒素"),
            Map.entry("非法添加物", "非法添加"), Map.entry("非食用物质", "非法添加"), Map.entry("非法添加物检出", "非法添加"),
            Map.entry("超范围超限量使用食品添加剂", "食品添加剂"), Map.entry("食品添加剂超标", "食品添加剂"),
            Map.entry("质量指标不达标", "质量指标"), Map.entry("质量品质指标不合格", "质量指标"),
            Map.entry("有机物污染", "污染物"), Map.entry("有机物污染问题", "污染物"), Map.entry("其他污染物", "污染物"),
            Map.entry("其他污染物超标", "污染物"));

    private static final Map<String, String> CHANNEL = Map.ofEntries(
            Map.entry("12315热线", "12315"), Map.entry("12345热线", "12345"), Map.entry("12315平台", "12315"),
            Map.entry("来电", "12345"), Map.entry("信件", "来信"), Map.entry("来访", "现场"), Map.entry("网上", "网络"));

    private static final Map<String, String> SOURCE = Map.ofEntries(
            Map.entry("新浪微博", "微博"), Map.entry("微信公众号", "微信"), Map.entry("公众号", "微信"),
            Map.entry("新闻网站", "新闻"), Map.entry("媒体", "新闻"), Map.entry("贴吧", "论坛"), Map.entry("短视频", "抖音"));

    private static final Map<String, String> VERDICT = Map.of("合格品", "合格", "不合格品", "不合格");

    private EnumCanonicalizer() {
    }

    /** Canonical form of a value of the given contract field; whitespace inside is dropped. */
    static String canonical(String field, String value) {
        if (value == null) {
            return null;
        }
        String compact = value.replaceAll("\\s+", "");
        Map<String, String> synonyms = switch (field) {
            case "program" -> PROGRAM;
            case "stage" -> STAGE;
            case "hazardClass" -> HAZARD_CLASS;
            case "channel" -> CHANNEL;
            case "source" -> SOURCE;
            case "verdict" -> VERDICT;
            default -> Map.of();
        };
        return synonyms.getOrDefault(compact, compact);
    }
}
