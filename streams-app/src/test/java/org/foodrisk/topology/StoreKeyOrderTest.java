package org.foodrisk.topology;

import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class StoreKeyOrderTest {

    /** Keys as a store of the topology holds them: plain, Chinese, and one with a character outside the BMP. */
    private static final List<String> KEYS = List.of("#dirty|sampling|120114|粮食加工品|2024-04-24",
            "#dirty|sampling|120114|\uD840\uDC00米|2024-04-24", "#dirty|sampling|120114|\uFF21|2024-04-24",
            "#dirty|sampling|120114|a|2024-04-24", "#dirty|sampling|120114|\uffff", "#closed-through", "$");

    @Test
    void sortsAsTheStoreIterates() {
        List<String> byBytes = new ArrayList<>(KEYS);
        byBytes.sort(Comparator.comparing(k -> Bytes.wrap(k.getBytes(StandardCharsets.UTF_8))));
        List<String> mirrored = new ArrayList<>(KEYS);
        mirrored.sort(StoreKeyOrder.INSTANCE);
        assertEquals(byBytes, mirrored);
        // The reason the class exists: String's own order puts the supplementary character (a surrogate pair,
        // 0xD840…) before U+FF21, the store puts it after (its UTF-8 starts 0xF0, U+FF21's 0xEF).
        List<String> byString = new ArrayList<>(KEYS);
        byString.sort(Comparator.naturalOrder());
        assertNotEquals(byBytes, byString);
    }

    @Test
    void agreesWithTheKeysUtf8BytesOnRandomKeysWithSurrogatesLoneOrPaired() {
        // BMP letters either side of the surrogates, '?', a pair, and lone halves (the serializer writes them as '?')
        char[] alphabet = {'a', '?', '|', '\u00e9', '\u7c73', '\uD7FF', '\uE000', '\uFF21', '\uFFFF', '\uD840', '\uDC00'};
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 300_000; i++) {
            String a = randomKey(random, alphabet);
            String b = random.nextInt(4) == 0 ? a + randomKey(random, alphabet) : randomKey(random, alphabet);
            assertEquals(Integer.signum(StoreKeyOrder.byUtf8Bytes(a, b)), Integer.signum(StoreKeyOrder.INSTANCE.compare(a, b)),
                    () -> "[" + a + "] vs [" + b + "]");
        }
    }

    private static String randomKey(SplittableRandom random, char[] alphabet) {
        StringBuilder key = new StringBuilder();
        int length = random.nextInt(6);
        for (int j = 0; j < length; j++) {
            key.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return key.toString();
    }
}
