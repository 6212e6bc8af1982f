package org.foodrisk.plan;

import org.foodrisk.reference.FoodLexicon;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;

/**
 * The words by which a plan's clause says what it is about, mapped onto the routing dimensions of a
 * signal (DESIGN "The plans are data": signal type, food, hazard, stage, setting). The plans write
 * "控药残" for 农药/兽药残留, "禽肉蛋" for eggs and poultry, "校园" for school canteens; a signal
 * writes 农药残留, 鸡蛋, 学校食堂. Both sides are read into the same keys here.
 */
final class RoutingWords {

    private RoutingWords() {
    }

    /** Contract hazard classes and the plan words naming them. */
    static final Map<String, List<String>> HAZARDS = ordered(
            "农药残留", List.of("农药", "农残", "药残", "农兽药", "药物残留", "治违禁"),
            "兽药残留", List.of("兽药", "兽用抗菌药", "抗生素", "农兽药", "药残", "药物残留", "三鱼两药", "治违禁"),
            "重金属", List.of("重金属", "镉", "铅", "汞", "砷"),
            "微生物", List.of("微生物", "致病菌", "沙门", "铜绿假单胞菌", "病原"),
            "非法添加", List.of("非法添加", "瘦肉精", "禁用", "违禁", "禁限用", "两超一非", "非食用物质", "麻醉剂"),
            "食品添加剂", List.of("添加剂", "两超一非"),
            "污染物", List.of("污染物", "有害因素", "塑化剂"),
            "生物毒素", List.of("毒素", "黄曲霉", "霉变"));

    /** Contract stages (sampling {@code stage}) and the plan words naming them. */
    static final Map<String, List<String>> STAGES = ordered(
            "种植养殖", List.of("种植", "养殖", "产地", "种养", "基地", "耕地"),
            "屠宰", List.of("屠宰"),
            "生产", List.of("食品生产", "生产监管", "小作坊", "生产加工", "食品工业"),
            "流通", List.of("销售环节", "流通", "集中交易市场", "批发市场", "超市", "经营者", "市场准入", "进货查验"),
            "餐饮", List.of("餐饮", "餐厅", "食堂", "餐厨"),
            // Not 冷链: a cold-chain logistics clause (蓟州 3.（十）.4 冷库建设) is not about imports; the plans
            // write 进口冷链 when they mean imported cold-chain food. A signal's stage 冷链 still reads as 进口.
            "进口", List.of("进口", "进出口", "海关", "走私", "国门"),
            "网络销售", List.of("网络销售", "网络食品", "电商", "直播", "入网", "网络订餐"),
            // Not 储存: every food is stored (保健食品「生产、储存和销售过程」); 储备 is the grain reserve's regime.
            "储备", List.of("收购", "收储", "储备", "入库", "出库"));

    /**
     * Settings where one kitchen feeds many (DESIGN: 学校食堂, 集体用餐, 农村集体聚餐 route too). The key is
     * the setting; the words are how plans and exposure-place types write it.
     */
    static final Map<String, List<String>> SETTINGS = ordered(
            "校园", List.of("学校", "校园", "托幼", "幼儿园", "中小学", "小学", "中学", "校外供餐", "校外配餐", "小饭桌", "校长"),
            // Before 集体用餐: a 集体用餐配送单位 is that setting, not any canteen (西青 14.).
            "集体用餐配送", List.of("集体用餐配送", "配送单位", "中央厨房"),
            "集体用餐", List.of("集中用餐", "集体用餐", "团餐", "建筑工地"),
            "农村集体聚餐", List.of("农村集体聚餐", "集体聚餐", "农村宴席", "流动厨房", "农家乐"),
            "养老机构", List.of("养老院", "养老机构"),
            // Places the plans name for their own supervision campaigns: 武清 （九） 旅游景点, 蓟州 3.（七）.8 小作坊和小摊贩.
            "旅游景点", List.of("旅游景点", "旅游景区", "景区"),
            "小作坊摊贩", List.of("小作坊", "摊贩", "小摊点", "流动摊点"),
            "集中交易市场", List.of("集中交易市场", "批发市场", "农贸市场", "菜市场"),
            "跨境电商", List.of("跨境电商", "跨境电子商务"),
            "清真", List.of("清真"));

    /**
     * Plan words that name a substance by its class or campaign, beyond its own name and the banned-list
     * group ({@link org.foodrisk.reference.CriticalHazards#namesOf}): the phthalates a lab reports are the
     * plans' 塑化剂 (GB 2760/卫办监督函〔2011〕551号: DBP, DEHP, DINP …); 孔雀石绿 and 硝基呋喃 are the 两药 of the
     * 农业农村部 "三鱼两药" campaign (大菱鲆, 乌鳢, 鳜鱼 are its 三鱼).
     */
    static final Map<String, List<String>> SUBSTANCE_WORDS = ordered(
            "邻苯二甲酸", List.of("塑化剂"),
            "孔雀石绿", List.of("三鱼两药", "两药"),
            "硝基呋喃", List.of("三鱼两药", "两药"),
            "呋喃唑酮", List.of("三鱼两药", "两药"),
            "呋喃西林", List.of("三鱼两药", "两药"),
            "呋喃妥因", List.of("三鱼两药", "两药"),
            "呋喃它酮", List.of("三鱼两药", "两药"));

    /**
     * The plan words for a substance a lab reports (邻苯二甲酸二丁酯 → 塑化剂), in the table's order; 水分 in
     * meat is the plans' 注水 (注水肉: 水分超标 by GB 18394), in any other food it is a quality index only.
     */
    static List<String> substanceWords(String substance, Set<String> groups) {
        List<String> words = new ArrayList<>();
        if (substance != null) {
            SUBSTANCE_WORDS.forEach((name, named) -> {
                if (substance.contains(name)) {
                    words.addAll(named);
                }
            });
            if (substance.contains("水分") && groups.contains("畜禽肉及副产品")) {
                words.add("注水");
            }
        }
        return words;
    }

    /** The phrases of a text (split at 。；;，,) that name any of the words: what the plan says of them. */
    static String sentencesNaming(String text, Collection<String> words) {
        StringBuilder near = new StringBuilder();
        for (String sentence : text.split("[。；;，,]")) {
            if (words.stream().anyMatch(sentence::contains)) {
                near.append(sentence).append('。');
            }
        }
        return near.toString();
    }

    /** Signal types and the words of the clause that is their general owner. */
    static final Map<String, List<String>> SIGNALS = ordered(
            "sampling", List.of("抽检", "抽查", "抽验", "监督抽检"),
            "monitoring", List.of("风险监测", "监测实施方案", "监测计划"),
            "illness", List.of("食源性疾病", "流行病学", "暴发"),
            "complaint", List.of("投诉举报", "投诉", "12315", "12345"),
            "opinion", List.of("舆情", "谣言", "辟谣", "舆论"));

    /**
     * Plan words for groups of foods, onto the lexicon's 小类 (FoodLexicon.subcategoryOf) or 大类.
     * 果蔬 is 蔬菜 and 水果; 禽肉蛋 is poultry and eggs; 粮食 takes grain and rice. Single foods (猪肉, 大米)
     * are not group words: a clause naming 牛羊肉 is not about 猪肉.
     */
    static final Map<String, List<String>> FOOD_GROUPS = ordered(
            "果蔬", List.of("蔬菜", "水果"),
            "蔬菜", List.of("蔬菜"),
            "水果", List.of("水果"),
            "禽肉蛋", List.of("畜禽肉及副产品", "鲜蛋"),
            "畜禽水产品", List.of("畜禽肉及副产品", "鲜蛋", "水产品"),
            "畜禽产品", List.of("畜禽肉及副产品", "鲜蛋"),
            "畜产品", List.of("畜禽肉及副产品", "鲜蛋"),
            "肉类产品", List.of("畜禽肉及副产品"),
            "肉菜", List.of("畜禽肉及副产品", "蔬菜"),
            "水产品", List.of("水产品"),
            "水产", List.of("水产品"),
            "粮食", List.of("粮食"),
            "粮油", List.of("粮食"),
            "储备粮", List.of("粮食"),
            "成品粮", List.of("粮食"),
            "肉类", List.of("畜禽肉及副产品"),
            // 食用林产品 (林业部门's monitoring): nuts and dried fruit of trees — 板栗, 核桃, 红枣.
            "林产品", List.of("生干坚果与籽类"));

    /** Plan words for national 大类 that are not the 大类's own name. */
    static final Map<String, List<String>> CATEGORY_WORDS = ordered(
            "特殊食品", List.of("保健食品", "特殊医学用途配方食品", "婴幼儿配方食品"),
            "婴幼儿配方", List.of("婴幼儿配方食品"),
            "保健食品", List.of("保健食品"),
            "乳制品", List.of("乳制品"),
            "乳品", List.of("乳制品"),
            "肉制品", List.of("肉制品"),
            "白酒", List.of("酒类"),
            "酒类", List.of("酒类"),
            "食用植物油", List.of("食用油、油脂及其制品"),
            "地沟油", List.of("食用油、油脂及其制品"),
            "桶装水", List.of("饮料"),
            "食品添加剂", List.of("食品添加剂"),
            "粮食加工品", List.of("粮食加工品"),
            "大米", List.of("粮食加工品"),
            "水产制品", List.of("水产制品"),
            "食盐", List.of("食盐"),
            "茶叶", List.of("茶叶及相关制品"),
            "餐饮", List.of("餐饮食品"),
            "食品相关产品", List.of("食品相关产品"),
            "餐饮具", List.of("食品相关产品"),
            "餐具", List.of("食品相关产品"),
            "餐盒", List.of("食品相关产品"),
            "食品包装", List.of("食品相关产品"));

    /**
     * Words of a sample's food name that make it a 食品相关产品 (packaging, tableware, containers — 《食品相关产品质量安全
     * 监督管理暂行办法》, 2023), which no food lexicon lists.
     */
    static final List<String> FOOD_CONTACT_WORDS = List.of("餐具", "餐饮具", "餐盒", "饭盒", "包装膜", "包装袋",
            "保鲜膜", "容器", "吸管", "筷子", "一次性杯");

    /**
     * A clause that only builds (追溯, 产业, 品牌, 宣传, 信用 …) and names no supervising verb is context,
     * not the unit that must act on a risk: 武清 （十八）「推广婴幼儿配方乳粉追溯体系」 does not handle a
     * failed infant-formula sample, （十）「加强特殊食品日常监管」 does; nor does 西青 2.「进口冷链食品道路运输电子运单」
     * (区运管局) handle a failed imported-beef sample, 2.「督促指导食品生产经营者加强进口冷链食品管理」 does.
     */
    static final List<String> BUILDING_WORDS = List.of("追溯", "产业", "品牌", "宣传", "科普", "诚信", "信用",
            "浪费", "培训", "许可", "标准化", "示范", "三品一标", "保险", "经费", "创建", "地理标志", "绿色防控",
            "明厨亮灶", "教育", "道路运输");
    static final List<String> HANDLING_WORDS = List.of("监管", "整治", "打击", "查处", "排查", "检查", "抽检",
            "抽查", "监测", "治理", "处置", "处罚", "严打", "严控", "严惩", "管控", "查验", "执法", "侦办", "铁拳");

    /** The words of a text that name any of the keys of a table. */
    static Set<String> keysNamed(String text, Map<String, List<String>> table) {
        Set<String> keys = new LinkedHashSet<>();
        if (text == null) {
            return keys;
        }
        table.forEach((key, words) -> {
            if (words.stream().anyMatch(text::contains)) {
                keys.add(key);
            }
        });
        return keys;
    }

    /** How often a text names the words of one key (an owner clause names its signal more than once). */
    static int timesNamed(String text, List<String> words) {
        int count = 0;
        for (String word : words) {
            for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
                count++;
            }
        }
        return count;
    }

    /** The groups a plan text names (禽肉蛋 → 畜禽肉及副产品, 鲜蛋). */
    static Set<String> groupsNamed(String text) {
        Set<String> groups = new LinkedHashSet<>();
        if (text != null) {
            FOOD_GROUPS.forEach((word, named) -> {
                if (text.contains(word)) {
                    groups.addAll(named);
                }
            });
        }
        return groups;
    }

    /** The groups a signal's food belongs to: its lexicon 小类 (草鱼 → 水产品), or the food is a group word. */
    static Set<String> groupsOf(String food, String category) {
        Set<String> groups = new LinkedHashSet<>();
        if (food != null) {
            FoodLexicon.bundled().subcategoryOf(food).ifPresent(groups::add);
            groups.addAll(FOOD_GROUPS.getOrDefault(food.strip(), List.of()));
        }
        if ("粮食加工品".equals(category)) {
            groups.add("粮食");
        }
        return groups;
    }

    /** The 大类 a signal's food belongs to by the lexicon (婴幼儿配方乳粉 → 婴幼儿配方食品). */
    static String categoryOf(String food) {
        return food == null ? null : FoodLexicon.bundled().categoryOf(food).orElse(null);
    }

    /** The settings a signal's place type or words name (学校食堂 → 校园, 集体用餐单位 → 集体用餐). */
    static Set<String> settingsOf(String setting) {
        if (setting == null) {
            return Set.of();
        }
        Set<String> named = keysNamed(setting, SETTINGS);
        if (named.contains("校园")) {
            return Set.of("校园"); // 学校食堂: the school's own tasks, not the generic canteen ones
        }
        if (named.contains("集体用餐配送")) {
            return Set.of("集体用餐配送");
        }
        if (named.isEmpty() && setting.contains("食堂")) {
            return Set.of("集体用餐");
        }
        return named;
    }

    private static <V> Map<String, V> ordered(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            V value = (V) keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value);
        }
        return Collections.unmodifiableMap(map);
    }
}
