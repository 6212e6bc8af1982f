package org.foodrisk.text;

import org.foodrisk.reference.District;
import org.foodrisk.reference.Districts;
import org.foodrisk.reference.FoodLexicon;
import org.foodrisk.reference.HazardWords;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.HashSet;

/**
 * Reads district, town, food and its national 大类, hazard and business name from the free Chinese
 * text of a complaint or 舆情 post (docs/text-extraction.md has the measured precision and recall).
 *
 * <p><b>District.</b> Words that name a Tianjin district: the 16 names, former county names (蓟县),
 * short forms (西青, 武清 — not 河北/河东/河西/南开/和平/红桥, which are everyday words and 河北 a
 * province), the former districts merged into 滨海新区 (塘沽, 汉沽, 大港), frequent misspellings, and the
 * 街道/镇/乡 of every district (also without 街道/镇/乡 when three characters or more and not a common
 * word). A town name shared by two districts (海滨街道, 黄庄) decides nothing alone. A name in quotes or
 * after 名叫/叫做/招牌 is part of a business's name, not a place. When the text names two districts,
 * the one where the purchase or meal happened wins: a name after 在/于/位于/到 whose clause goes on
 * to 买/购买/点/吃/就餐/食用/喝 scores highest; a name after 住/家住/送到/来自/老家 (where the
 * complainant lives, or where a delivery went) scores lowest. A tie leaves the district empty
 * (ambiguous: better no alert than one on the wrong desk).
 *
 * <p><b>Food and 大类.</b> Words of the food lexicon (foods.tsv). Food cooked and served by a catering
 * place (饭店, 外卖, 食堂, 火锅 …) is 餐饮食品, as in the sampling scheme: a fish or vegetable in a
 * restaurant's dish is 餐饮食品, a bottle of beer or a 火腿肠 served there keeps its own 大类. Otherwise
 * the first food named gives the category.
 */
public final class TextExtractor {

    /** Short forms that are everyday words or other places (河北省), never a district on their own. */
    private static final Set<String> UNSAFE_SHORT_FORMS = Set.of("河北", "河东", "河西", "南开", "和平", "红桥");
    /** Bare town names that are also common words or road names. */
    private static final Set<String> UNSAFE_BARE_TOWNS = Set.of("体育中心", "向阳路", "友谊路", "向阳楼", "新开河",
            "中山门", "水上公园", "科技园区", "城关", "新城", "太平", "朝阳", "海滨", "新村", "新港", "新河", "大沽",
            "新安", "宁河", "静海");
    /** Other words for a district: short forms, former districts merged into 滨海新区, misspellings seen in complaints. */
    private static final Map<String, String> EXTRA_NAMES = Map.ofEntries(
            Map.entry("塘沽", "120116"), Map.entry("汉沽", "120116"), Map.entry("大港", "120116"),
            Map.entry("塘沽区", "120116"), Map.entry("汉沽区", "120116"), Map.entry("大港区", "120116"),
            Map.entry("滨海", "120116"), Map.entry("滨海区", "120116"), Map.entry("泰达", "120116"),
            Map.entry("杨村", "120114"), Map.entry("葛沽", "120112"), Map.entry("芦台", "120117"),
            Map.entry("小站", "120112"), Map.entry("咸水沽", "120112"),
            Map.entry("武青区", "120114"), Map.entry("西清区", "120111"), Map.entry("宝低区", "120115"),
            Map.entry("宝抵区", "120115"), Map.entry("宝底区", "120115"), Map.entry("蓟洲区", "120119"),
            Map.entry("津南新区", "120112"), Map.entry("东莉区", "120110"), Map.entry("北晨区", "120113"),
            Map.entry("静海县", "120118"), Map.entry("宁河县", "120117"), Map.entry("蓟县", "120119"));
    private static final Set<String> LOCATIVES = Set.of("在", "于", "位于", "到", "去", "从");
    private static final Set<String> ELSEWHERE = Set.of("住", "住在", "家住", "居住", "送到", "送至", "配送到", "寄到",
            "来自", "老家", "户籍", "回", "回到", "搬到", "从事", "住址");
    private static final List<String> PURCHASE_VERBS = List.of("买", "购", "点", "吃", "就餐", "用餐", "食用", "喝",
            "订", "消费", "聚餐", "进餐", "卖", "售", "销售");
    private static final Set<String> NAMING_WORDS = Set.of("名叫", "叫做", "叫", "名为", "招牌", "店名", "品牌", "牌");
    private static final Set<String> QUOTES_OPEN = Set.of("「", "“", "\"", "《", "『", "‘");
    private static final Set<String> QUOTES_CLOSE = Set.of("」", "”", "\"", "》", "』", "’");
    /** 大类 whose food a catering kitchen cooks into its dishes (so the dish is 餐饮食品). */
    private static final Set<String> COOKED_IN_KITCHEN = Set.of("食用农产品", "粮食加工品", "豆制品", "淀粉及淀粉制品",
            "餐饮食品", "速冻食品", "蛋制品");
    private static final List<String> BUSINESS_SUFFIXES = List.of("超市", "便利店", "商店", "店", "馆", "公司", "市场",
            "商行", "酒楼", "餐厅", "饭庄", "食堂", "摊", "铺", "厂", "小卖部", "商场", "广场", "批发部");
    private static final Set<String> GENERIC_BUSINESS_WORDS = Set.of("一家", "某", "这家", "那家", "该", "某个", "一个",
            "家", "附近", "楼下", "小区", "路边", "门口", "的");

    private final FoodLexicon foods;
    private final Map<String, Set<District>> placeWords = new HashMap<>();
    private final Map<String, String> townOfWord = new HashMap<>();
    private final ChineseSegmenter segmenter;

    TextExtractor(FoodLexicon foods) {
        this.foods = foods;
        Map<String, Integer> bareCount = new HashMap<>();
        for (District district : Districts.all()) {
            for (String town : district.towns()) {
                bareCount.merge(bare(town), 1, Integer::sum);
            }
        }
        for (District district : Districts.all()) {
            addPlace(district.name(), district, null);
            district.aliases().forEach(alias -> addPlace(alias, district, null));
            String shortForm = district.name().replaceFirst("(新区|区)$", "");
            if (shortForm.length() >= 2 && !UNSAFE_SHORT_FORMS.contains(shortForm)) {
                addPlace(shortForm, district, null);
            }
            for (String town : district.towns()) {
                addPlace(town, district, town);
                String bare = bare(town);
                if (bare.length() >= 3 && !UNSAFE_BARE_TOWNS.contains(bare) && bareCount.get(bare) == 1) {
                    addPlace(bare, district, town);
                }
            }
        }
        EXTRA_NAMES.forEach((word, code) -> addPlace(word, Districts.byCode(code).orElseThrow(), null));
        Map<String, String> userWords = new LinkedHashMap<>();
        foods.foodWords().forEach(w -> userWords.put(w, "nf"));
        foods.cateringPlaces().forEach(w -> userWords.put(w, "nis"));
        placeWords.keySet().forEach(w -> userWords.put(w, "ns"));
        this.segmenter = new ChineseSegmenter(userWords);
    }

    /** The extractor over the bundled lexicons; built on first use (HanLP loads its dictionaries, about 1 s). */
    public static TextExtractor bundled() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final TextExtractor INSTANCE = new TextExtractor(FoodLexicon.bundled());
    }

    private static String bare(String town) {
        return town.replaceFirst("(满族乡|街道|镇|乡)$", "");
    }

    private void addPlace(String word, District district, String town) {
        placeWords.computeIfAbsent(word, k -> new LinkedHashSet<>()).add(district);
        if (town != null) {
            townOfWord.put(word, town);
        }
    }

    public TextFacts extract(String text) {
        if (text == null || text.isBlank()) {
            return new TextFacts(null, null, null, null, null, null, null, null, null, null);
        }
        List<ChineseSegmenter.Word> words = segmenter.segment(text);
        DistrictChoice district = chooseDistrict(text, words);
        FoodChoice food = chooseFood(words);
        Optional<Map.Entry<String, String>> hazard = HazardWords.findInText(text);
        return new TextFacts(district.district, district.words, district.ambiguous, district.town,
                food.foodName, food.category, food.word,
                hazard.map(Map.Entry::getValue).orElse(null), hazard.map(Map.Entry::getKey).orElse(null),
                businessName(words));
    }

    private record Mention(int index, String word, District district, String town, int score) {
    }

    private record DistrictChoice(District district, String words, String ambiguous, String town) {
    }

    private DistrictChoice chooseDistrict(String text, List<ChineseSegmenter.Word> words) {
        List<Mention> mentions = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i).text();
            Set<District> districts = placeWords.get(word);
            if (districts != null) {
                covered.add(words.get(i).offset());
            }
            // 河北省, 河西务: HanLP keeps them whole, so 河北 / 河西 never stand alone here.
            if (districts == null || districts.size() != 1 || inBusinessName(words, i)) {
                continue;
            }
            mentions.add(new Mention(i, word, districts.iterator().next(), townOfWord.get(word), score(words, i)));
        }
        // A place name of three or more characters that the segmenter glued to the word before it
        // (在建|昌道街道: 在建 "under construction"; 在下|营镇: 在下 "I") still names the place when it
        // ends where a word ends.
        for (Map.Entry<String, Set<District>> place : placeWords.entrySet()) {
            String name = place.getKey();
            if (name.length() < 3 || place.getValue().size() != 1) {
                continue;
            }
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                int end = at + name.length();
                int index = wordEndingAt(words, end);
                if (index < 0 || covered.contains(at) || words.get(index).offset() <= at) {
                    continue; // not glued (a whole word was already seen), or not ending at a word boundary
                }
                int glued = wordContaining(words, at);
                if (glued < 0 || glued == index || !LOCATIVES.contains(words.get(glued).text().substring(0, 1))) {
                    continue;
                }
                mentions.add(new Mention(index, name, place.getValue().iterator().next(), townOfWord.get(name),
                        1 + score(words, index)));
            }
        }
        if (mentions.isEmpty()) {
            return new DistrictChoice(null, null, null, null);
        }
        Map<District, Integer> best = new LinkedHashMap<>();
        for (Mention mention : mentions) {
            best.merge(mention.district, mention.score, Math::max);
        }
        int top = best.values().stream().max(Integer::compare).orElseThrow();
        List<District> winners = best.entrySet().stream().filter(e -> e.getValue() == top).map(Map.Entry::getKey).toList();
        if (winners.size() != 1) {
            return new DistrictChoice(null, null, best.keySet().stream().map(District::name)
                    .collect(Collectors.joining("、")), null);
        }
        District district = winners.get(0);
        List<Mention> own = mentions.stream().filter(m -> m.district.equals(district)).toList();
        String town = own.stream().map(Mention::town).filter(t -> t != null).findFirst().orElse(null);
        String evidence = own.stream().map(Mention::word).distinct().collect(Collectors.joining("、"));
        return new DistrictChoice(district, evidence, null, town);
    }

    private static int wordEndingAt(List<ChineseSegmenter.Word> words, int end) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).offset() + words.get(i).text().length() == end) {
                return i;
            }
        }
        return -1;
    }

    private static int wordContaining(List<ChineseSegmenter.Word> words, int at) {
        for (int i = 0; i < words.size(); i++) {
            ChineseSegmenter.Word word = words.get(i);
            if (word.offset() <= at && at < word.offset() + word.text().length()) {
                return i;
            }
        }
        return -1;
    }

    /** How surely a mention is where the food was bought or eaten: 2 purchase place … −2 residence. */
    private static int score(List<ChineseSegmenter.Word> words, int index) {
        int score = 0;
        boolean locative = false;
        for (int j = index - 1; j >= Math.max(0, index - 3); j--) {
            String before = words.get(j).text();
            if (words.get(j).isPunctuation()) {
                break;
            }
            if (ELSEWHERE.contains(before) || before.startsWith("住") || before.endsWith("住")) {
                return -2;
            }
            if (LOCATIVES.contains(before) || before.endsWith("在")) {
                locative = true;
            }
        }
        boolean purchase = false;
        for (int j = index + 1; j < words.size(); j++) {
            ChineseSegmenter.Word after = words.get(j);
            if (after.isPunctuation() && !QUOTES_CLOSE.contains(after.text()) && !QUOTES_OPEN.contains(after.text())) {
                break;
            }
            if (ELSEWHERE.contains(after.text())) {
                break;
            }
            if (PURCHASE_VERBS.stream().anyMatch(v -> after.text().contains(v))) {
                purchase = true;
                break;
            }
        }
        if (locative) {
            score += 1;
        }
        if (purchase) {
            score += 1;
        }
        return score;
    }

    /** In quotes, or after 名叫/叫做/招牌: a business's name that happens to contain a place name. */
    private static boolean inBusinessName(List<ChineseSegmenter.Word> words, int index) {
        for (int j = index - 1; j >= Math.max(0, index - 4); j--) {
            String before = words.get(j).text();
            if (QUOTES_OPEN.contains(before) || NAMING_WORDS.contains(before)) {
                return true;
            }
            if (QUOTES_CLOSE.contains(before) || (words.get(j).isPunctuation() && !QUOTES_OPEN.contains(before))) {
                return false;
            }
        }
        return false;
    }

    private record FoodChoice(String foodName, String category, String word) {
    }

    private FoodChoice chooseFood(List<ChineseSegmenter.Word> words) {
        String cateringWord = null;
        String primary = null;
        String firstFood = null;
        for (ChineseSegmenter.Word word : words) {
            String text = word.text();
            Optional<String> category = foods.categoryOf(text);
            if ((foods.isCateringPlace(text) || servesMeals(text)) && cateringWord == null) {
                cateringWord = text;
            }
            if (category.isEmpty()) {
                continue;
            }
            if (firstFood == null) {
                firstFood = text;
            }
            if (category.get().equals("餐饮食品")) {
                if (cateringWord == null) {
                    cateringWord = text;
                }
            } else if (primary == null) {
                primary = text;
            }
        }
        if (primary == null && firstFood == null) {
            return cateringWord == null ? new FoodChoice(null, null, null) : new FoodChoice(null, "餐饮食品", cateringWord);
        }
        String food = primary != null ? primary : firstFood;
        String category = foods.categoryOf(food).orElseThrow();
        if (cateringWord != null && COOKED_IN_KITCHEN.contains(category)) {
            return new FoodChoice(food, "餐饮食品", cateringWord);
        }
        return new FoodChoice(food, category, food);
    }

    /** 小龙虾馆子, 牛肉面馆, 烧烤摊, 大排档: a 馆/摊/档 serves meals (but not a 图书馆 or 宾馆's rooms). */
    private static boolean servesMeals(String word) {
        return (word.endsWith("馆") || word.endsWith("馆子") || word.endsWith("摊") || word.endsWith("档"))
                && !NOT_CATERING.contains(word);
    }

    private static final Set<String> NOT_CATERING = Set.of("图书馆", "博物馆", "体育馆", "展览馆", "美术馆", "科技馆",
            "宾馆", "旅馆", "档", "摊", "馆", "档案", "存档");

    /**
     * The business named before a suffix such as 超市/饭店/公司 (西青区老字号饭店, 永辉超市), or null when
     * only a generic one is named (某超市, 一家饭店): a generic name would join unrelated complaints.
     */
    private String businessName(List<ChineseSegmenter.Word> words) {
        for (int i = 0; i < words.size(); i++) {
            String text = words.get(i).text();
            boolean suffix = words.get(i).nature().startsWith("nis") || foods.isCateringPlace(text)
                    || BUSINESS_SUFFIXES.stream().anyMatch(s -> text.endsWith(s) && text.length() > s.length());
            if (!suffix || "外卖".equals(text) || "美团".equals(text) || "饿了么".equals(text)) {
                continue;
            }
            StringBuilder name = new StringBuilder();
            int j = i - 1;
            for (; j >= Math.max(0, i - 4); j--) {
                ChineseSegmenter.Word before = words.get(j);
                String n = before.nature();
                if (before.isPunctuation() || GENERIC_BUSINESS_WORDS.contains(before.text())
                        || !(n.startsWith("n") || n.startsWith("a") || n.startsWith("b") || n.startsWith("m")
                        || n.startsWith("j") || n.startsWith("x"))) {
                    break;
                }
                name.insert(0, before.text());
            }
            if (name.length() > 0 && !GENERIC_BUSINESS_WORDS.contains(name.toString())) {
                return name.append(text).toString();
            }
        }
        return null;
    }
}
