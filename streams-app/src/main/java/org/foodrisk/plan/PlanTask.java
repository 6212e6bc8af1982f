package org.foodrisk.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * A numbered task of a plan. Number, title and units are kept exactly as the plan writes them,
 * because that is what the responsible agencies recognise in an alert.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanTask(
        String taskId,
        String number,
        String section,
        String title,
        String text,
        List<Responsibility> responsibilities,
        List<String> leadUnits,
        List<String> coUnits,
        List<String> foodCategories,
        List<String> foods,
        List<String> hazards,
        List<String> substances,
        List<String> stages,
        List<String> signalTypes,
        List<Target> targets) {

    public PlanTask {
        responsibilities = nonNull(responsibilities);
        leadUnits = nonNull(leadUnits);
        coUnits = nonNull(coUnits);
        foodCategories = nonNull(foodCategories);
        foods = nonNull(foods);
        hazards = nonNull(hazards);
        substances = nonNull(substances);
        stages = nonNull(stages);
        signalTypes = nonNull(signalTypes);
        targets = nonNull(targets);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Responsibility(String asWritten, List<String> leadUnits, List<String> coUnits) {
    }

    /**
     * A quantitative target, e.g. 抽检量 ≥ 8489 批次 or 合格率 ≥ 97 %. A target written as a range (培养扶植1至2家,
     * 确定1—2类) keeps both bounds: {@code value} the lower, {@code upperValue} the upper (null otherwise).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(
            String metric,
            double value,
            String unit,
            String comparator,
            String scope,
            String agency,
            String foodCategory,
            String asWritten,
            Double upperValue) {

        public Target(String metric, double value, String unit, String comparator, String scope, String agency,
                      String foodCategory, String asWritten) {
            this(metric, value, unit, comparator, scope, agency, foodCategory, asWritten, null);
        }
    }
}
