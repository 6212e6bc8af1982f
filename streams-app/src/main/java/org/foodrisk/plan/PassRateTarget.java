package org.foodrisk.plan;

/**
 * A pass-rate target (合格率 ≥ value %), and where it comes from: a plan's task (its taskId and
 * the words that set it) or the configured default.
 */
public record PassRateTarget(double percent, String taskId, String asWritten) {

    public boolean fromPlan() {
        return taskId != null;
    }
}
