package org.foodrisk.topology;

import org.foodrisk.ingest.InputTopic;

/** Names of the topology's state stores; the query API reads some of them. */
public final class StoreNames {

    public static final String DAILY_COUNTS = "daily-counts-store";
    public static final String FAILURE_RATE_TALLIES = "failure-rate-tallies-store";
    public static final String OFFENDER_HISTORY = "offender-history-store";
    public static final String ALERTS = "alerts-store";
    public static final String PLAN_CATALOG = "plan-catalog-store";
    public static final String ILLNESS_CLUSTERS = "illness-clusters-store";
    public static final String OPINION_HOURLY = "opinion-hourly-store";
    public static final String FUSION_WINDOW = "fusion-window-store";
    public static final String ABERRATION_PROGRESS = "aberration-progress-store";
    public static final String PLAN_PROGRESS = "plan-progress-store";
    /** 会商 records by consultationId (issue 20). */
    public static final String CONSULTATIONS = "consultations-store";
    /** 消费提示 / 风险警示 drafts by communicationId (issue 20). */
    public static final String RISK_COMMUNICATIONS = "risk-communications-store";
    /** Alerts received from partner regions by {@code <origin>/<alertId>}, latest version (issue 20). */
    public static final String RECEIVED_ALERTS = "received-alerts-store";
    /** Illness cases per district × syndrome and day (key {@code illness|district|syndrome|day}). */
    public static final String SYNDROME_DAILY_COUNTS = "syndrome-daily-counts-store";
    /** The latest event time each input task has seen ({@link EventClockProcessor}). */
    public static final String EVENT_CLOCK = "event-clock-store";
    /**
     * Counts of one stream × food category by day and district (key {@code type|category|day|district}), for the
     * pooled model ({@link PooledAberrationProcessor}; only with {@code count-method: pooled-nb}).
     */
    public static final String POOLED_DAILY_COUNTS = "pooled-daily-counts-store";
    /** The pooled model's closed days, districts' first days and marks ({@link PooledAberrationProcessor}). */
    public static final String POOLED_ABERRATION_PROGRESS = "pooled-aberration-progress-store";
    public static final String SYNDROME_ABERRATION_PROGRESS = "syndrome-aberration-progress-store";
    /** The entry of the (syndrome) aberration progress store holding the first day its task saw: earlier days are unknown. */
    public static final String OBSERVED_FROM_KEY = "#observed-from";
    /** Cases without a common place, by district, with their town: the space–time scan's input. */
    public static final String ILLNESS_SPACETIME = "illness-spacetime-store";
    /** Supervision sampling per district × food and day (key {@code district|category|food|day}). */
    public static final String FOOD_HAZARD_TALLIES = "food-hazard-tallies-store";
    /** The current episode of each district × food × hazard class (key {@code district|category|food|hazardClass}). */
    public static final String FOOD_HAZARD_EPISODES = "food-hazard-episodes-store";
    /** The food × hazard chart's closed days and its marks of days to judge ({@code FoodHazardClusterProcessor}). */
    public static final String FOOD_HAZARD_PROGRESS = "food-hazard-progress-store";
    /** Sampling results the food × hazard chart holds back until the close that covers their report time. */
    public static final String FOOD_HAZARD_ARRIVALS = "food-hazard-arrivals-store";

    /** 核查处置 cases by caseId (= the 不合格 result's sampleId); the query API reads it. */
    public static final String DISPOSAL_CASES = "disposal-cases-store";

    /** Each input task's arrival clock and last tick ({@link ArrivalClockProcessor}). */
    public static final String ARRIVAL_CLOCK = "arrival-clock-store";

    private StoreNames() {
    }

    /** The upstream ticks and the watermark of one repartitioned stage ({@link WatermarkProcessor}). */
    public static String watermark(String stage) {
        return "watermark-" + stage + "-store";
    }

    private static final String DEDUP_PREFIX = "dedup-";

    public static String dedup(InputTopic input) {
        return DEDUP_PREFIX + input.shortName() + "-store";
    }

    /** Whether a store is one of the dedup stores (one value per record ever published). */
    public static boolean isDedup(String storeName) {
        return storeName.startsWith(DEDUP_PREFIX);
    }
}
