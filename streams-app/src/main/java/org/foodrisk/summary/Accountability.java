package org.foodrisk.summary;

import org.foodrisk.alert.Alert;
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
 * An alert counts for every unit that leads one of its plan tasks.
 */
public record Accountability(String unit, int received, int acknowledgedInTime, int closed, int closedInTime,
                             int openOverdue, Double handlingRate, Double onTimeRate) {

    public static final double HANDLING_TARGET = 100.0;
    public static final double ON_TIME_TARGET = 85.0;

    public static Accountability of(String unit, List<Alert> alerts, OffsetDateTime asOf) {
        List<Alert> received = alerts.stream()
                .filter(a -> a.planTasks().stream().anyMatch(t -> t.leadUnits().contains(unit)))
                .toList();
        int acknowledgedInTime = 0;
        int closed = 0;
        int closedInTime = 0;
        int openOverdue = 0;
        for (Alert alert : received) {
            Deadlines deadlines = alert.handling().deadlines();
            OffsetDateTime acknowledgedAt = alert.handling().acknowledgedAt();
            OffsetDateTime closedAt = alert.handling().closedAt();
            if (acknowledgedAt != null && !acknowledgedAt.isAfter(asOf)
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

    private static double percent(int numerator, int denominator) {
        return Math.round(1000.0 * numerator / denominator) / 10.0;
    }
}
