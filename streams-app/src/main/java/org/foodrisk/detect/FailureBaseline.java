package org.foodrisk.detect;

import java.util.Map;

/**
 * The in-control failure probability p0 of one food × hazard class in one district, estimated
 * from the district's own history with a Beta prior (a beta-binomial posterior mean):
 * <pre>  p0 = (m·π + x) / (m + n)</pre>
 * x of n results of that food tested for that hazard failed in the baseline period; π is the
 * prior mean, m its weight in results. With no history p0 is π; with a long history it is the
 * food's own rate, so 韭菜, whose pesticide failures are common, is judged against 韭菜 and not
 * against the average vegetable.
 *
 * <p>π is the national 2023 failure rate (2.73 % of 6,997,389 batches, SAMR) times the share of
 * failures the hazard class caused (农药残留 37.66 %, 微生物 18.81 %, 食品添加剂 13.08 %, 有机物污染
 * 11.01 % — here 污染物 —, 兽药残留 7.90 %, 重金属等 5.85 %, 质量指标 4.60 %; the remaining 1.09 % split
 * between 生物毒素 and 非法添加, and 其他 given the same 0.54 %): DESIGN "Volumes and failure mix".
 */
public final class FailureBaseline {

    static final double NATIONAL_FAILURE_RATE = 0.0273;

    /** Percent of 2023 failures by contract hazard class. */
    static final Map<String, Double> NATIONAL_MIX = Map.of(
            "农药残留", 37.66, "微生物", 18.81, "食品添加剂", 13.08, "污染物", 11.01, "兽药残留", 7.90,
            "重金属", 5.85, "质量指标", 4.60, "生物毒素", 0.55, "非法添加", 0.54, "其他", 0.54);

    private final double priorWeight;

    /** @param priorWeight m, the prior's weight in results */
    public FailureBaseline(double priorWeight) {
        this.priorWeight = priorWeight;
    }

    /** π for a hazard class (the smallest share for a class the mix does not name). */
    public static double priorMean(String hazardClass) {
        return NATIONAL_FAILURE_RATE * NATIONAL_MIX.getOrDefault(hazardClass, 0.54) / 100.0;
    }

    public double p0(String hazardClass, long tested, long failed) {
        return (priorWeight * priorMean(hazardClass) + failed) / (priorWeight + tested);
    }
}
