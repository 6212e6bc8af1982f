package org.foodrisk.topology;

/**
 * Settings of the food × hazard chart ({@code foodrisk.detect.food-hazard.*}).
 *
 * @param cusumDays       days the chart runs over before a failure's day (it starts at 0 there)
 * @param baselineDays    how far back the food × hazard's own history reaches for p0
 * @param baselineGapDays the most recent days left out of that history (a cluster is not its own baseline)
 * @param oddsRatio       R, the rise in the odds of failing the chart is tuned to detect
 * @param threshold       h, the chart's decision limit
 * @param priorWeight     m, the weight of the national-mix prior in results
 * @param episodeGapDays  how long after an episode's last signal a new run still belongs to it
 */
public record FoodHazardSettings(int cusumDays, int baselineDays, int baselineGapDays, double oddsRatio,
                                 double threshold, double priorWeight, int episodeGapDays) {

    public static FoodHazardSettings defaults() {
        return new FoodHazardSettings(28, 365, 14, 6.0, 4.0, 50, 30);
    }
}
