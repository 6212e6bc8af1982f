package org.foodrisk.benchmark.evaluation;

import java.util.Set;

/** The incidents planted on the clean traffic, and the alert kinds that count as detecting them. */
enum ScenarioClass {

    FOOD_HAZARD_CLUSTER("a", "韭菜 × 腐霉利: 6 of 10 samples failing within 10 days, different stalls, reported 2–10 days later",
            Set.of("sampling.food-hazard-cluster"), false),
    LATE_BATCH("b", "4–6 failed 粮食加工品 samples of one district on one day, most reported 5–8 days late",
            Set.of("sampling.aberration"), false),
    COMPLAINT_TEXT_BURST("c", "8 餐饮食品 complaints in 2 days, district and food only in the text",
            Set.of("complaint.spike", "complaint.repeat-enterprise"), false),
    CANTEEN_CLUSTER("d", "3–5 胃肠道 cases from one school canteen lunch, onsets within a day",
            Set.of("illness.cluster"), false),
    UNRELATED_HOME_CASES("e", "negative control: two unrelated 胃肠道 cases at home (家中) in one district on one day",
            Set.of("illness.cluster"), true),
    MULTI_STREAM("f", "韭菜 in three streams: a failed 腐霉利 sample reported 2–5 days later, 3 complaints and 3 posts over 3 days",
            Set.of("fusion"), false);

    final String letter;
    final String description;
    /** For a negative control: the kinds that must NOT name the planted records. */
    final Set<String> expectedKinds;
    final boolean negativeControl;

    ScenarioClass(String letter, String description, Set<String> expectedKinds, boolean negativeControl) {
        this.letter = letter;
        this.description = description;
        this.expectedKinds = expectedKinds;
        this.negativeControl = negativeControl;
    }
}
