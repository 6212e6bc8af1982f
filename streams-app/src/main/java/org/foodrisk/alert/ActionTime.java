package org.foodrisk.alert;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * When an action counts as done. The time decides deadlines (an acknowledge in time or late) and the
 * quiet period after a close, so it cannot be whatever a writer says (issue 14: an acknowledge dated
 * 2000-01-01 counted as on time, a backdated close cut the quiet period short).
 *
 * <p>Over HTTP the server sets it ({@link #format} of its own clock). On the Kafka topic a writer's
 * {@code at} is kept — replays of a unit's own system keep their times — but only within bounds:
 * not before the alert was first detected and not later than the processing time plus
 * {@link #ALLOWED_CLOCK_SKEW}. Outside them the processing time is used instead.
 */
public final class ActionTime {

    /** How far a writer's clock may run ahead of ours. */
    public static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(2);

    /**
     * ISO-8601 with seconds always written: {@code OffsetDateTime.toString()} leaves out ":00"
     * seconds, which the contract's date-time format refuses (an action posted in second :00 got 400).
     */
    public static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private ActionTime() {
    }

    public static String format(OffsetDateTime time) {
        return WIRE.format(time);
    }

    /** The time the action counts at on this alert, processed at {@code now}. */
    public static OffsetDateTime bounded(OffsetDateTime claimed, Alert alert, OffsetDateTime now) {
        if (claimed == null || claimed.isAfter(now.plus(ALLOWED_CLOCK_SKEW))) {
            return now;
        }
        OffsetDateTime created = alert.firstDetectedAt();
        if (created != null && claimed.isBefore(created)) {
            return now;
        }
        return claimed;
    }
}
