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
 */
public record TimeModel(Duration tickEvery, Duration idleAfter, int upstreamTasks, Duration rejudgeHorizon) {

    public static TimeModel defaults() {
        // 14 days: lab results come 2–10 days after sampling (a few later); case reports within days of onset.
        return new TimeModel(Duration.ofHours(1), Duration.ofMinutes(1), 1, Duration.ofDays(14));
    }

    public TimeModel withUpstreamTasks(int tasks) {
        return new TimeModel(tickEvery, idleAfter, tasks, rejudgeHorizon);
    }
}
