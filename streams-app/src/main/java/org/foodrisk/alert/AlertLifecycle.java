package org.foodrisk.alert;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The life of an alert: 待处置 → 处置中 → 已办结 (and back by reopen), driven by people's actions.
 *
 * <p>Only a known unit may act: a lead or co-unit of one of the alert's plan tasks, or a
 * supervising unit (the food-safety office, which coordinates all of them). Transitions:
 * acknowledge 待处置→处置中; assign (to a known unit) and comment in any open state; close from
 * 待处置 or 处置中 (a disposition is required — "核查处置" must say how); reopen from 已办结; share (the food-safety
 * office only, in any state, once: issue 20) marks the alert for exchange with partner regions, so that this and
 * every later version go to foodrisk.alert-exchange.v1.
 * Anything else is refused with a reason, and the refusal goes to the dead-letter topic.
 */
public final class AlertLifecycle {

    /** Either the next version of the alert or why the action was refused. */
    public record Outcome(Alert alert, String refusal) {

        static Outcome accepted(Alert alert) {
            return new Outcome(alert, null);
        }

        static Outcome refused(String reason) {
            return new Outcome(null, reason);
        }

        public boolean isAccepted() {
            return alert != null;
        }
    }

    private final Set<String> supervisingUnits;

    public AlertLifecycle(Set<String> supervisingUnits) {
        this.supervisingUnits = Set.copyOf(supervisingUnits);
    }

    public static AlertLifecycle defaults() {
        return new AlertLifecycle(Set.of("区食安办", "食安办", "区食品安全委员会办公室", "区食品安全办"));
    }

    public Outcome apply(Alert alert, AlertAction claimed, OffsetDateTime now) {
        if (alert == null) {
            return Outcome.refused("unknown alert " + claimed.alertId());
        }
        // The writer's time only within bounds: it decides deadlines and the quiet period.
        AlertAction action = claimed.withAt(ActionTime.bounded(claimed.at(), alert, now));
        if (action.unit() == null || action.unit().isBlank()) {
            return Outcome.refused("action " + action.action() + " names no unit");
        }
        String unit = action.unit().strip();
        boolean assigning = "assign".equals(action.action());
        if (!assigning && !knows(alert, unit)) {
            return Outcome.refused("unit " + unit + " is not responsible for alert " + alert.alertId()
                    + " (responsible: " + responsibleUnits(alert) + ")");
        }
        Handling handling = alert.handling();
        AlertStatus status = alert.status();
        return switch (action.action()) {
            case "acknowledge" -> status != AlertStatus.OPEN
                    ? Outcome.refused("acknowledge needs status 待处置, alert is " + status.wireName())
                    : Outcome.accepted(alert.next(AlertStatus.IN_PROGRESS,
                    handling.record(action, firstNonNull(handling.assignedUnit(), unit), action.at(), null, null), now));
            case "assign" -> status == AlertStatus.CLOSED
                    ? Outcome.refused("assign needs an open alert, alert is 已办结")
                    : !knows(alert, unit)
                    ? Outcome.refused("cannot assign to " + unit + ": not a responsible unit of alert " + alert.alertId())
                    : Outcome.accepted(alert.next(status,
                    handling.record(action, unit, handling.acknowledgedAt(), null, null), now));
            case "comment" -> Outcome.accepted(alert.next(status,
                    handling.record(action, handling.assignedUnit(), handling.acknowledgedAt(), handling.closedAt(),
                            handling.disposition()), now));
            case "close" -> status == AlertStatus.CLOSED
                    ? Outcome.refused("alert " + alert.alertId() + " is already 已办结")
                    : action.disposition() == null || action.disposition().isBlank()
                    ? Outcome.refused("close needs a disposition (处置结果)")
                    : Outcome.accepted(alert.next(AlertStatus.CLOSED,
                    handling.record(action, handling.assignedUnit(), firstNonNull(handling.acknowledgedAt(), action.at()),
                            action.at(), action.disposition()), now));
            case "reopen" -> status != AlertStatus.CLOSED
                    ? Outcome.refused("reopen needs status 已办结, alert is " + status.wireName())
                    : Outcome.accepted(alert.next(AlertStatus.OPEN,
                    handling.record(action, handling.assignedUnit(), null, null, null), now));
            case "share" -> !supervisingUnits.contains(unit)
                    ? Outcome.refused("only the food-safety office shares an alert with partner regions, not " + unit)
                    : handling.hasBeenShared()
                    ? Outcome.refused("alert " + alert.alertId() + " is already shared (by " + handling.shared().by()
                    + " at " + handling.shared().at() + ")")
                    : Outcome.accepted(alert.next(status, handling.record(action, handling.assignedUnit(),
                    handling.acknowledgedAt(), handling.closedAt(), handling.disposition()), now));
            default -> Outcome.refused("unknown action " + action.action());
        };
    }

    /**
     * Marks missed deadlines as of {@code now}: a new version when a deadline passed since the
     * last mark, nothing otherwise. Called by wall-clock punctuation, so overdue never waits for
     * traffic.
     */
    public Optional<Alert> markOverdue(Alert alert, OffsetDateTime now) {
        Deadlines deadlines = alert.handling().deadlines();
        if (deadlines == null || alert.status() == AlertStatus.CLOSED) {
            return Optional.empty();
        }
        List<String> overdue = new ArrayList<>(deadlines.overdue());
        if (alert.status() == AlertStatus.OPEN && deadlines.acknowledgeBy() != null
                && now.isAfter(deadlines.acknowledgeBy()) && !overdue.contains("acknowledge")) {
            overdue.add("acknowledge");
        }
        if (deadlines.closeBy() != null && now.isAfter(deadlines.closeBy()) && !overdue.contains("close")) {
            overdue.add("close");
        }
        if (overdue.equals(deadlines.overdue())) {
            return Optional.empty();
        }
        Handling handling = alert.handling().withDeadlines(new Deadlines(deadlines.acknowledgeBy(), deadlines.closeBy(), overdue));
        return Optional.of(alert.next(alert.status(), handling, now));
    }

    /**
     * Whether a unit may act on the alert: a lead or co-unit of one of its plan tasks, or a
     * supervising unit. The HTTP API asks this before publishing a unit member's action, so that
     * the member hears "not your alert" at once instead of finding a dead letter later.
     */
    public boolean mayAct(Alert alert, String unit) {
        return unit != null && knows(alert, unit.strip());
    }

    private boolean knows(Alert alert, String unit) {
        return supervisingUnits.contains(unit) || responsibleUnits(alert).contains(unit);
    }

    private static List<String> responsibleUnits(Alert alert) {
        List<String> units = new ArrayList<>();
        alert.planTasks().forEach(task -> {
            task.leadUnits().forEach(u -> addOnce(units, u));
            task.coUnits().forEach(u -> addOnce(units, u));
        });
        return units;
    }

    private static void addOnce(List<String> units, String unit) {
        if (!units.contains(unit)) {
            units.add(unit);
        }
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }
}
