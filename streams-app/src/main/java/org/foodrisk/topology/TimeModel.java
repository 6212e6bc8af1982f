package org.foodrisk.topology;

import java.time.Duration;

/**
 * How the service's clock runs (configured under {@code foodrisk.detect.time.*}).
 *
 * @param tickEvery      how far an input task's arrival clock moves before it sends a tick downstream
 *                       (a day closes at most this much clock later than it could; more ticks cost records)
 * @param idleAfter      wall-clock time without records after which an input task ticks the wall clock, so
 *                       that a quiet partition does not hold every day open
 * @param upstreamTasks  input tasks whose ticks a stage waits for (the input topics' partitions; the runtime
 *                       sets it from the broker at start)
 * @param rejudgeHorizon how far back a closed day is judged again when late reports change its count
 * @param closeSlice     how long one step of closing days may run before the task commits: a watermark that
 *                       closes many days at once (a service started on a backlog, a replay of last year, then
 *                       the wall clock) closes them in steps of about this much work, each in its own
 *                       exactly-once transaction, which must end well within the transaction timeout (10 s)
 */
public record TimeModel(Duration tickEvery, Duration idleAfter, int upstreamTasks, Duration rejudgeHorizon,
                        Duration closeSlice) {

    /** One second of closing per step: far below the 10 s transaction timeout, long enough to amortise a commit. */
    static final Duration DEFAULT_CLOSE_SLICE = Duration.ofSeconds(1);

    /** The clock with the default close slice. */
    public TimeModel(Duration tickEvery, Duration idleAfter, int upstreamTasks, Duration rejudgeHorizon) {
        this(tickEvery, idleAfter, upstreamTasks, rejudgeHorizon, DEFAULT_CLOSE_SLICE);
    }

    public static TimeModel defaults() {
        // 14 days: lab results come 2–10 days after sampling (a few later); case reports within days of onset.
        return new TimeModel(Duration.ofHours(1), Duration.ofMinutes(1), 1, Duration.ofDays(14));
    }

    public TimeModel withUpstreamTasks(int tasks) {
        return new TimeModel(tickEvery, idleAfter, tasks, rejudgeHorizon, closeSlice);
    }
}
