package org.foodrisk.detect;

import java.util.regex.Pattern;

/**
 * The food a food × hazard rate is kept for: the food name as labs write it, without what labs
 * add around the same food — a parenthesised note (韭菜（散装）, 豇豆(豆角)) or spaces — so that
 * one food's results are one series. Without a name, the subcategory (蔬菜, 水产品) stands in.
 */
public final class FoodNames {

    private static final Pattern NOTE = Pattern.compile("[（(][^）)]*[）)]");
    private static final Pattern SPACE = Pattern.compile("\\s+");

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
        // Most names have nothing to remove: they are returned as they are, without running the patterns (issue 18:
        // String.replaceAll compiled both patterns anew for every sampling result, ~6 % of the food × hazard stage).
        String name = plain(text) ? text
                : SPACE.matcher(NOTE.matcher(text).replaceAll("")).replaceAll("").replace("|", "");
        return name.isEmpty() ? null : name;
    }

    /** No bracket, whitespace or '|' in it: nothing {@link #clean} would change. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '（' || c == '|' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }
}
