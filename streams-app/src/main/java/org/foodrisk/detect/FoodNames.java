package org.foodrisk.detect;

/**
 * The food a food × hazard rate is kept for: the food name as labs write it, without what labs
 * add around the same food — a parenthesised note (韭菜（散装）, 豇豆(豆角)) or spaces — so that
 * one food's results are one series. Without a name, the subcategory (蔬菜, 水产品) stands in.
 */
public final class FoodNames {

    private FoodNames() {
    }

    /** The series name, or null when neither a name nor a subcategory is given. */
    public static String normalise(String foodName, String subcategory) {
        String name = clean(foodName);
        return name != null ? name : clean(subcategory);
    }

    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String name = text.replaceAll("[（(][^）)]*[）)]", "").replaceAll("\\s+", "").replace("|", "");
        return name.isEmpty() ? null : name;
    }
}
