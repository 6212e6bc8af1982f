package org.foodrisk.reference;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 35 大类 of the national food sampling scheme (SAMR 食品安全监督抽检实施细则; the list in
 * shared/DESIGN.md), with the subcategories and common foods that labs and citizens write
 * instead, so that a record or a complaint text lands in the category the plans speak of.
 */
public final class FoodCategories {

    public static final List<String> NATIONAL = List.of(
            "粮食加工品", "食用油、油脂及其制品", "调味品", "肉制品", "乳制品", "饮料", "方便食品", "饼干", "罐头",
            "冷冻饮品", "速冻食品", "薯类和膨化食品", "糖果制品", "茶叶及相关制品", "酒类", "蔬菜制品", "水果制品",
            "炒货食品及坚果制品", "蛋制品", "可可及焙烤咖啡产品", "食糖", "水产制品", "淀粉及淀粉制品", "糕点", "豆制品",
            "蜂产品", "保健食品", "特殊膳食食品", "特殊医学用途配方食品", "婴幼儿配方食品", "餐饮食品", "食品添加剂",
            "食用农产品", "食盐", "其他");

    /** Names written for a category that are not the category's own name. */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("农产品", "食用农产品"), Map.entry("食用农产品类", "食用农产品"),
            Map.entry("蔬菜", "食用农产品"), Map.entry("水果", "食用农产品"), Map.entry("水果类", "食用农产品"),
            Map.entry("畜禽肉及副产品", "食用农产品"), Map.entry("水产品", "食用农产品"), Map.entry("鲜蛋", "食用农产品"),
            Map.entry("生干坚果与籽类食品", "食用农产品"), Map.entry("豆类", "食用农产品"),
            Map.entry("食用油", "食用油、油脂及其制品"), Map.entry("食用油脂", "食用油、油脂及其制品"),
            Map.entry("乳品", "乳制品"), Map.entry("奶制品", "乳制品"),
            Map.entry("婴幼儿配方乳粉", "婴幼儿配方食品"), Map.entry("婴幼儿配方奶粉", "婴幼儿配方食品"),
            Map.entry("特医食品", "特殊医学用途配方食品"), Map.entry("餐饮", "餐饮食品"),
            Map.entry("酒", "酒类"), Map.entry("茶叶", "茶叶及相关制品"), Map.entry("糖果", "糖果制品"),
            Map.entry("粮食", "粮食加工品"), Map.entry("坚果", "炒货食品及坚果制品"), Map.entry("冷饮", "冷冻饮品"));

    /** Foods named in texts and records, to their 大类 (for complaints and opinion text). */
    private static final Map<String, String> FOODS = new LinkedHashMap<>();

    static {
        for (String food : List.of("韭菜", "豇豆", "芹菜", "菠菜", "油麦菜", "普通白菜", "小白菜", "大白菜", "黄瓜", "番茄",
                "西红柿", "辣椒", "茄子", "豆芽", "生姜", "姜", "大葱", "葱", "蒜", "香菜", "胡萝卜", "土豆", "马铃薯",
                "猪肉", "牛肉", "羊肉", "鸡肉", "鸭肉", "猪肝", "鸡蛋", "鸭蛋", "草鱼", "鲈鱼", "鲤鱼", "鲫鱼", "鳊鱼",
                "虾", "对虾", "螃蟹", "牛蛙", "贝类", "苹果", "梨", "葡萄", "草莓", "西瓜", "香蕉", "柑橘", "橙",
                "荔枝", "芒果", "桃", "枣", "花生", "绿豆", "黄豆", "猪蹄", "海鲜")) {
            FOODS.put(food, "食用农产品");
        }
        put("乳制品", "牛奶", "纯牛奶", "酸奶", "奶粉", "奶酪", "干酪", "灭菌乳", "巴氏杀菌乳", "调制乳");
        put("婴幼儿配方食品", "婴幼儿配方乳粉", "婴儿奶粉", "婴幼儿奶粉");
        put("粮食加工品", "大米", "面粉", "小麦粉", "挂面", "米粉", "面条", "馒头");
        put("食用油、油脂及其制品", "花生油", "菜籽油", "大豆油", "调和油", "食用油", "地沟油");
        put("调味品", "酱油", "食醋", "醋", "味精", "鸡精", "辣椒酱", "火锅底料", "料酒", "花椒");
        put("肉制品", "火腿肠", "香肠", "腊肉", "熟肉", "卤肉", "酱牛肉", "烤肠", "培根");
        put("饮料", "矿泉水", "纯净水", "饮用水", "果汁", "茶饮料", "奶茶", "碳酸饮料");
        put("糕点", "月饼", "面包", "蛋糕", "粽子", "点心");
        put("速冻食品", "速冻水饺", "水饺", "汤圆", "速冻饺子");
        put("豆制品", "豆腐", "腐竹", "豆浆", "豆干");
        put("酒类", "白酒", "啤酒", "葡萄酒", "黄酒");
        put("冷冻饮品", "冰淇淋", "雪糕", "冰棍");
        put("方便食品", "方便面", "自热火锅");
        put("水产制品", "鱿鱼丝", "海参", "虾皮", "鱼干");
        put("蜂产品", "蜂蜜");
        put("保健食品", "保健品");
        put("餐饮食品", "外卖", "盒饭", "快餐", "凉菜", "凉皮", "烧烤", "麻辣烫", "团餐", "学校食堂", "食堂");
        put("淀粉及淀粉制品", "粉丝", "粉条", "凉粉");
        put("薯类和膨化食品", "薯片", "膨化食品");
        put("糖果制品", "巧克力");
        put("食盐", "食盐", "加碘盐");
    }

    private static final List<String> FOODS_LONGEST_FIRST = FOODS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();

    private FoodCategories() {
    }

    private static void put(String category, String... foods) {
        for (String food : foods) {
            FOODS.put(food, category);
        }
    }

    /** The national 大类 for what a publisher wrote as the category, if it can be told. */
    public static Optional<String> canonical(String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String trimmed = written.strip();
        if (NATIONAL.contains(trimmed)) {
            return Optional.of(trimmed);
        }
        String synonym = SYNONYMS.get(trimmed);
        if (synonym != null) {
            return Optional.of(synonym);
        }
        return Optional.ofNullable(FOODS.get(trimmed));
    }

    /** The category a single food name belongs to (韭菜 → 食用农产品). */
    public static Optional<String> ofFood(String foodName) {
        return foodName == null ? Optional.empty() : Optional.ofNullable(FOODS.get(foodName.strip()));
    }

    /** The first food named in a text, longest names first (酸奶 before 奶). */
    public static Optional<String> findFoodInText(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        int bestIndex = Integer.MAX_VALUE;
        String best = null;
        for (String food : FOODS_LONGEST_FIRST) {
            int index = text.indexOf(food);
            if (index >= 0 && index < bestIndex) {
                bestIndex = index;
                best = food;
            }
        }
        return Optional.ofNullable(best);
    }
}
