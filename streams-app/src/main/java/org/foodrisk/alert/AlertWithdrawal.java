package org.foodrisk.alert;

import org.foodrisk.detect.Judgement;

import java.time.OffsetDateTime;

/**
 * When a period's alarm is withdrawn on late reports, and what the alert becomes. Kept apart from
 * the topology so that the rule reads in one place: only an alert raised by that period alone is
 * withdrawn; one that other periods (or other detections of the same risk) raised stands.
 */
public final class AlertWithdrawal {

    private AlertWithdrawal() {
    }

    /** True when the alert's whole window lies within [{@code start}, {@code end}). */
    public static boolean standsOnlyOn(Alert alert, OffsetDateTime start, OffsetDateTime end) {
        Alert.Window window = alert.window();
        return window != null && window.start() != null && window.end() != null && start != null && end != null
                && !window.start().isBefore(start) && !window.end().isAfter(end);
    }

    public static Alert withdraw(Alert alert, Judgement withdrawal, OffsetDateTime now) {
        return alert.withdrawn(withdrawal, now);
    }
}
