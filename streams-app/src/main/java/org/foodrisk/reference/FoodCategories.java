package org.foodrisk.reference;

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

    /**
     * Foods named in records and texts, to their 大类: the bundled food lexicon (foods.tsv). A holder,
     * because the lexicon checks its 大类 against {@link #NATIONAL} while it loads.
     */
    private static final class Foods {
        static final FoodLexicon LEXICON = FoodLexicon.bundled();
    }

    private FoodCategories() {
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
        return Foods.LEXICON.categoryOf(trimmed);
    }

    /** The category a single food name belongs to (韭菜 → 食用农产品). */
    public static Optional<String> ofFood(String foodName) {
        return Foods.LEXICON.categoryOf(foodName);
    }
}
