package org.foodrisk.reference;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Words in complaints and posts that name a hazard, to the contract's hazard classes. The words
 * are the everyday ones people write (农药, 瘦肉精, 地沟油 …), checked against the hazard lists of
 * shared/reference/hazards.md; the first match in the text wins.
 */
public final class HazardWords {

    private static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        put("非法添加", "瘦肉精", "苏丹红", "三聚氰胺", "地沟油", "罂粟", "吊白块", "工业盐", "工业酒精", "非法添加");
        put("兽药残留", "兽药", "抗生素", "激素", "孔雀石绿", "硝基呋喃", "氯霉素");
        put("农药残留", "农药", "农残", "打药");
        put("重金属", "重金属", "镉", "铅超标", "汞", "砷");
        put("生物毒素", "黄曲霉", "毒蘑菇", "野生蘑菇", "河豚", "霉变");
        put("微生物", "细菌", "大肠杆菌", "沙门", "菌落", "发霉", "长毛", "变质", "馊");
        put("食品添加剂", "添加剂", "防腐剂", "色素", "甜蜜素", "糖精");
        put("其他", "异物", "头发", "虫子", "玻璃", "塑料");
    }

    private HazardWords() {
    }

    private static void put(String hazardClass, String... words) {
        for (String word : words) {
            WORDS.put(word, hazardClass);
        }
    }

    /** The hazard class the text speaks of, with the word that says it. */
    public static Optional<Map.Entry<String, String>> findInText(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        int bestIndex = Integer.MAX_VALUE;
        Map.Entry<String, String> best = null;
        for (Map.Entry<String, String> entry : WORDS.entrySet()) {
            int index = text.indexOf(entry.getKey());
            if (index >= 0 && index < bestIndex) {
                bestIndex = index;
                best = entry;
            }
        }
        return Optional.ofNullable(best);
    }
}
