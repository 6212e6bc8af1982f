package org.foodrisk.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Food words as people write them, onto the 35 大类 of the national sampling scheme, and the words
 * of catering places (饭店, 外卖, 学校食堂 …). Data: {@code /foodrisk/text/foods.tsv} (its header says
 * where the words come from and how words of two 大类 were decided), loaded once at start.
 */
public final class FoodLexicon {

    private static final String RESOURCE = "/foodrisk/text/foods.tsv";
    private static final FoodLexicon BUNDLED = load(RESOURCE);

    private final Map<String, String> foods;
    private final Map<String, String> subcategories;
    private final Set<String> cateringPlaces;

    private FoodLexicon(Map<String, String> foods, Map<String, String> subcategories, Set<String> cateringPlaces) {
        this.foods = Collections.unmodifiableMap(foods);
        this.subcategories = Collections.unmodifiableMap(subcategories);
        this.cateringPlaces = Collections.unmodifiableSet(cateringPlaces);
    }

    public static FoodLexicon bundled() {
        return BUNDLED;
    }

    static FoodLexicon load(String resource) {
        Map<String, String> foods = new LinkedHashMap<>();
        Map<String, String> subcategories = new LinkedHashMap<>();
        Set<String> places = new LinkedHashSet<>();
        try (InputStream in = FoodLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length < 3 || fields.length > 4 || !FoodCategories.NATIONAL.contains(fields[1])) {
                    throw new IllegalStateException(resource + ": not word<TAB>大类<TAB>kind[<TAB>小类]: " + line);
                }
                if (fields.length == 4 && !fields[3].isBlank()) {
                    subcategories.put(fields[0], fields[3].strip());
                }
                switch (fields[2]) {
                    case "食品" -> foods.put(fields[0], fields[1]);
                    case "餐饮场所" -> places.add(fields[0]);
                    default -> throw new IllegalStateException(resource + ": unknown kind in " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FoodLexicon(foods, subcategories, places);
    }

    /** The 大类 of a food word (火腿肠 → 肉制品), if the word is a food. */
    public Optional<String> categoryOf(String word) {
        return word == null ? Optional.empty() : Optional.ofNullable(foods.get(word.strip()));
    }

    /**
     * The 小类 of a food word (草鱼 → 水产品, 鸡蛋 → 鲜蛋, 稻谷 → 粮食), if the lexicon gives one; the plans
     * name foods by these groups (果蔬, 禽肉蛋, 水产品, 粮食) rather than by 大类.
     */
    public Optional<String> subcategoryOf(String word) {
        return word == null ? Optional.empty() : Optional.ofNullable(subcategories.get(word.strip()));
    }

    /** A place where food is cooked and served (饭店, 外卖, 学校食堂 …). */
    public boolean isCateringPlace(String word) {
        return cateringPlaces.contains(word);
    }

    public Set<String> foodWords() {
        return foods.keySet();
    }

    public Set<String> cateringPlaces() {
        return cateringPlaces;
    }

    /** Every 大类 that some word maps to (for the lexicon's own check). */
    public Set<String> categories() {
        return new LinkedHashSet<>(foods.values());
    }
}
