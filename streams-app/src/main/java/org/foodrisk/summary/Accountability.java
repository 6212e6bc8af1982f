package org.foodrisk.summary;

import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertAction;
import org.foodrisk.alert.AlertStatus;
import org.foodrisk.alert.Deadlines;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * How a responsible unit handled its alerts, as the plans measure it (西青 2021 18.: 不合格食品核查
 * 处置率 100%, 按时完成率 ≥85%): received, acknowledged in time, closed, closed in time,
 * 核查处置率 = closed / received and 按时完成率 = closed in time / (closed + open past the close deadline),
 * all as of a moment. An alert left open past its deadline is late already: counting closed alerts only
 * let a unit look punctual by leaving its late alerts open (issue 15).
 *
 * <p>Who is credited with what (issue 16: one unit's 签收 was credited as 按时签收 to every responsible
 * unit, so a unit that did nothing looked as prompt as the one that acted):
 * <ul>
 *   <li>An alert is <b>received</b> by every unit that leads one of its plan tasks — the plan makes it
 *       answer for the risk — and by any other unit once it has acted on the alert (its action is in the
 *       alert's log). A co-unit (配合) is not held to account for an alert it never touched: the lead unit
 *       answers for bringing it in; nor is it credited with another unit's work.</li>
 *   <li><b>按时签收</b> counts for the one unit whose action signed the alert — the 签收, or a 办结 without
 *       one (it signs too) — as that action records its unit.</li>
 *   <li><b>办结, 按时办结, 超期未办结</b> are the alert's outcome and count for every unit that received it:
 *       核查处置 is joint work that the lead units answer for, whoever wrote the disposition.</li>
 * </ul>
 * An alert with more than {@value org.foodrisk.alert.AlertBounds#MAX_ACTIONS} actions keeps only its
 * newest in the log: a signature that fell out of it is credited to no unit.
 */
public record Accountability(String unit, int received, int acknowledgedInTime, int closed, int closedInTime,
                             int openOverdue, Double handlingRate, Double onTimeRate) {

    public static Accountability of(String unit, List<Alert> alerts, OffsetDateTime asOf) {
        List<Alert> received = alerts.stream().filter(a -> receivedBy(a, unit, asOf)).toList();
        int acknowledgedInTime = 0;
        int closed = 0;
        int closedInTime = 0;
        int openOverdue = 0;
        for (Alert alert : received) {
            Deadlines deadlines = alert.handling().deadlines();
            OffsetDateTime acknowledgedAt = alert.handling().acknowledgedAt();
            OffsetDateTime closedAt = alert.handling().closedAt();
            if (acknowledgedAt != null && !acknowledgedAt.isAfter(asOf) && unit.equals(signer(alert))
                    && (deadlines == null || deadlines.acknowledgeBy() == null || !acknowledgedAt.isAfter(deadlines.acknowledgeBy()))) {
                acknowledgedInTime++;
            }
            boolean isClosed = alert.status() == AlertStatus.CLOSED && closedAt != null && !closedAt.isAfter(asOf);
            if (isClosed) {
                closed++;
                if (deadlines == null || deadlines.closeBy() == null || !closedAt.isAfter(deadlines.closeBy())) {
                    closedInTime++;
                }
            } else if (deadlines != null && deadlines.closeBy() != null && deadlines.closeBy().isBefore(asOf)) {
                openOverdue++;
            }
        }
        return new Accountability(unit, received.size(), acknowledgedInTime, closed, closedInTime, openOverdue,
                received.isEmpty() ? null : percent(closed, received.size()),
                closed + openOverdue == 0 ? null : percent(closedInTime, closed + openOverdue));
    }

    /** Whether the alert counts for the unit: it leads one of its tasks, or it acted on it by then. */
    static boolean receivedBy(Alert alert, String unit, OffsetDateTime asOf) {
        return alert.planTasks().stream().anyMatch(t -> t.leadUnits().contains(unit))
                || alert.handling().actions().stream()
                .anyMatch(a -> a.unit() != null && unit.equals(a.unit().strip()) && a.at() != null && !a.at().isAfter(asOf));
    }

    /**
     * The unit whose action set the alert's acknowledgement time: its 签收, or a 办结 that came first
     * (AlertLifecycle sets the time to the action's own); null when that action is no longer in the log.
     */
    static String signer(Alert alert) {
        OffsetDateTime acknowledgedAt = alert.handling().acknowledgedAt();
        List<AlertAction> actions = alert.handling().actions();
        for (int i = actions.size() - 1; i >= 0; i--) {
            AlertAction action = actions.get(i);
            if (("acknowledge".equals(action.action()) || "close".equals(action.action()))
                    && acknowledgedAt != null && acknowledgedAt.isEqual(action.at())) {
                return action.unit() == null ? null : action.unit().strip();
            }
        }
        return null;
    }

    private static double percent(int numerator, int denominator) {
        return Math.round(1000.0 * numerator / denominator) / 10.0;
    }
}
