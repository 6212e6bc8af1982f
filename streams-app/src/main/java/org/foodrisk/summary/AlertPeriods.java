package org.foodrisk.summary;

import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertStatus;
import org.foodrisk.reference.Period;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * How a summary — a district's ({@link RiskSummaryBuilder}) or the city's ({@link CitySummaryBuilder}) — places an
 * alert in time, one set of rules for both: an alert is a period's when its window starts in it (event time, the
 * zone's calendar days); it is open at an instant when it started before and was not closed by then; overdue when its
 * close-by deadline passed before then; a withdrawn alarm (late reports took its evidence away) counts nowhere.
 */
final class AlertPeriods {

    private final ZoneId zone;

    AlertPeriods(ZoneId zone) {
        this.zone = zone;
    }

    List<Alert> inPeriod(List<Alert> alerts, Period period) {
        return alerts.stream().filter(a -> a.window() != null && a.window().start() != null
                && period.contains(a.window().start().atZoneSameInstant(zone).toLocalDate())).toList();
    }

    /** The period's first instant. */
    OffsetDateTime start(Period period) {
        return period.first().atStartOfDay(zone).toOffsetDateTime();
    }

    /** The first instant after the period: what "open at the period's end" is judged at. */
    OffsetDateTime end(Period period) {
        return period.last().plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }

    static boolean openAt(Alert alert, OffsetDateTime end) {
        return startedBefore(alert, end) && !closedBefore(alert, end) && !withdrawn(alert);
    }

    static boolean overdueAt(Alert alert, OffsetDateTime end) {
        return alert.handling().deadlines() != null && alert.handling().deadlines().closeBy() != null
                && alert.handling().deadlines().closeBy().isBefore(end);
    }

    static boolean withdrawn(Alert alert) {
        return alert.judgement() != null && alert.judgement().withdrawn();
    }

    static boolean startedBefore(Alert alert, OffsetDateTime end) {
        return alert.window() != null && alert.window().start() != null && alert.window().start().isBefore(end);
    }

    private static boolean closedBefore(Alert alert, OffsetDateTime end) {
        return alert.status() == AlertStatus.CLOSED && alert.handling().closedAt() != null
                && alert.handling().closedAt().isBefore(end);
    }
}
