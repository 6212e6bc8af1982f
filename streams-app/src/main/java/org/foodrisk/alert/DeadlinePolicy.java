package org.foodrisk.alert;

import org.foodrisk.detect.AlertLevel;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Time allowed to acknowledge and to close an alert, by level (defaults: RED 24 h / 7 days,
 * ORANGE 48 h / 15 days, YELLOW 72 h / 30 days, BLUE none — BLUE alerts are for attention, like
 * RASFF's "information for attention", and carry no deadline).
 */
public final class DeadlinePolicy {

    public record Allowance(Duration acknowledge, Duration close) {
    }

    private final Map<AlertLevel, Allowance> allowances;

    public DeadlinePolicy(Map<AlertLevel, Allowance> allowances) {
        this.allowances = new EnumMap<>(allowances);
    }

    public static DeadlinePolicy defaults() {
        Map<AlertLevel, Allowance> map = new EnumMap<>(AlertLevel.class);
        map.put(AlertLevel.RED, new Allowance(Duration.ofHours(24), Duration.ofDays(7)));
        map.put(AlertLevel.ORANGE, new Allowance(Duration.ofHours(48), Duration.ofDays(15)));
        map.put(AlertLevel.YELLOW, new Allowance(Duration.ofHours(72), Duration.ofDays(30)));
        return new DeadlinePolicy(map);
    }

    /**
     * Deadlines counted from when the alert was first detected; an escalation shortens them to
     * the new level's allowance, never lengthens them.
     */
    public Deadlines deadlinesFor(AlertLevel level, OffsetDateTime firstDetectedAt, Deadlines current) {
        Allowance allowance = allowances.get(level);
        if (allowance == null) {
            return current;
        }
        OffsetDateTime ack = firstDetectedAt.plus(allowance.acknowledge());
        OffsetDateTime close = firstDetectedAt.plus(allowance.close());
        if (current != null) {
            ack = current.acknowledgeBy() != null && current.acknowledgeBy().isBefore(ack) ? current.acknowledgeBy() : ack;
            close = current.closeBy() != null && current.closeBy().isBefore(close) ? current.closeBy() : close;
        }
        return new Deadlines(ack, close, current == null ? List.of() : current.overdue());
    }
}
