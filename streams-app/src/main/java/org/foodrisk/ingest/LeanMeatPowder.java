package org.foodrisk.ingest;

import java.util.List;

/**
 * β-agonists, which the plans call 瘦肉精: whether a lab's test item names one. Intake tags a sampling
 * result that tests one ({@link #TESTED_TAG}, whatever its verdict) so that plan targets such as 瘦肉精
 * 6万份 count the results that tested it.
 */
public final class LeanMeatPowder {

    /** The tag of a sampling result whose items test a β-agonist. */
    public static final String TESTED_TAG = "tested-item:瘦肉精";

    private static final List<String> NAMES = List.of("瘦肉精", "克伦特罗", "克仑特罗", "莱克多巴胺", "沙丁胺醇", "西马特罗");

    private LeanMeatPowder() {
    }

    /** Whether a test item (as a lab writes it) is a β-agonist. */
    public static boolean named(String item) {
        return item != null && NAMES.stream().anyMatch(item::contains);
    }
}
