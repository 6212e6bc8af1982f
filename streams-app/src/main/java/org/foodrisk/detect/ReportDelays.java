package org.foodrisk.detect;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The delays between a stream's events and their reports, in whole days (a histogram with the last
 * bucket open: {@value #DAYS} days or more), and what they say about a period judged some time after
 * it: the share of its reports that should be in by then. Lab results come 2–10 days after sampling;
 * a day judged one day after it ends has seen a small part of them, and its verdict says so.
 */
public final class ReportDelays {

    static final int DAYS = 31;

    private final long[] counts;

    private ReportDelays(long[] counts) {
        this.counts = counts;
    }

    public static ReportDelays none() {
        return new ReportDelays(new long[DAYS + 1]);
    }

    /** Reads the form {@link #toString()} writes; an unreadable or absent one is no delays. */
    public static ReportDelays parse(String text) {
        long[] counts = new long[DAYS + 1];
        if (text != null && !text.isBlank()) {
            String[] parts = text.split(",");
            for (int i = 0; i < Math.min(parts.length, counts.length); i++) {
                counts[i] = Long.parseLong(parts[i].trim());
            }
        }
        return new ReportDelays(counts);
    }

    public ReportDelays record(OffsetDateTime eventTime, OffsetDateTime knownAt) {
        long days = Math.max(0, Duration.between(eventTime, knownAt).toDays());
        long[] next = counts.clone();
        next[(int) Math.min(days, DAYS)]++;
        return new ReportDelays(next);
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    /**
     * The estimated share of a period's reports received {@code age} after the middle of the period
     * (records spread over it): P(delay ≤ age), interpolated within a day; null when no delays are known.
     */
    public Double receivedShare(Duration age) {
        long total = total();
        if (total == 0) {
            return null;
        }
        double days = Math.max(0, age.toMinutes() / (24.0 * 60));
        int whole = (int) Math.floor(days);
        long below = 0;
        for (int d = 0; d < Math.min(whole, counts.length); d++) {
            below += counts[d];
        }
        double share = below + (whole < counts.length ? counts[whole] * (days - whole) : 0);
        return Math.min(1.0, share / total);
    }

    /** The median delay in whole days; null when no delays are known. */
    public Integer medianDays() {
        long total = total();
        if (total == 0) {
            return null;
        }
        long seen = 0;
        for (int d = 0; d < counts.length; d++) {
            seen += counts[d];
            if (2 * seen >= total) {
                return d;
            }
        }
        return DAYS;
    }

    @Override
    public String toString() {
        return Arrays.stream(counts).mapToObj(Long::toString).collect(Collectors.joining(","));
    }
}
