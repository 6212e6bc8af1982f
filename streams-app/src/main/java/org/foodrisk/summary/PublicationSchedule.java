package org.foodrisk.summary;

import org.foodrisk.reference.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * When a 会商 summary is due, in event time: the summary of a week or month is published once the
 * service's event time has passed the period's end (midnight after its last day, in the service's
 * zone) by {@code publishAfter} — by default 8 hours, i.e. Monday 08:00 for a week, the 1st at
 * 08:00 for a month, when a meeting would read it, and late reports of the last day have had
 * time to arrive. Because it follows event time, replaying a year of history publishes each of
 * its weeks and months, with the same content as live traffic would have given.
 */
public final class PublicationSchedule {

    /** More closed periods than this at once (a long replay) are published in later rounds. */
    static final int MAX_PER_ROUND = 60;

    private final ZoneId zone;
    private final Duration publishAfter;

    public PublicationSchedule(ZoneId zone, Duration publishAfter) {
        this.zone = zone;
        this.publishAfter = publishAfter;
    }

    /**
     * Periods due by {@code eventTime}, oldest first: those after {@code lastPublished}, or — when
     * nothing has been published yet (a start) — only the latest closed one.
     *
     * @param weeks true for weeks, false for months
     */
    public List<Period> due(boolean weeks, Period lastPublished, Instant eventTime) {
        LocalDate closedUpTo = eventTime.minus(publishAfter).atZone(zone).toLocalDate().minusDays(1);
        Period current = weeks ? Period.weekOf(closedUpTo) : Period.monthOf(closedUpTo);
        Period latestClosed = current.last().equals(closedUpTo) ? current : current.previous();
        List<Period> due = new ArrayList<>();
        if (lastPublished == null) {
            due.add(latestClosed);
            return due;
        }
        for (Period p = lastPublished.next(); !p.last().isAfter(latestClosed.last()) && due.size() < MAX_PER_ROUND;
             p = p.next()) {
            due.add(p);
        }
        return due;
    }
}
