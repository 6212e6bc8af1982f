package org.foodrisk.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FoodNamesTest {

    /** What {@link FoodNames} did before its fast path: two patterns compiled per call. */
    private static String before(String text) {
        if (text == null) {
            return null;
        }
        String name = text.replaceAll("[（(][^）)]*[）)]", "").replaceAll("\\s+", "").replace("|", "");
        return name.isEmpty() ? null : name;
    }

    @Test
    void theFastPathNamesEveryFoodAsTheTwoPatternsDid() {
        String alphabet = "韭菜豇豆散装（）()| \t\u3000\u00a0\n豆角a1";
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(9);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String name = text.toString();
            String expected = before(name) != null ? before(name) : before("蔬菜");
            assertEquals(expected, FoodNames.normalise(name, "蔬菜"), () -> "for [" + name + "]");
        }
    }
}
