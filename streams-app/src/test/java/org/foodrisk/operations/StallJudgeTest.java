package org.foodrisk.operations;

import io.micronaut.health.HealthStatus;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stall is records waiting and nothing committed or restored for the bound; nothing else is. */
class StallJudgeTest {

    private static final TopicPartition SOURCE = new TopicPartition("foodrisk.sampling-results.v1", 0);
    private static final TopicPartition REPARTITION = new TopicPartition("foodrisk-signals-by-district-category-repartition", 1);
    private static final Instant T0 = Instant.parse("2026-12-06T02:00:00Z");
    private static final Duration BOUND = Duration.ofMinutes(3);
    private static final Predicate<Map<TopicPartition, Long>> RECORDS_WAIT = lag -> true;

    private static StallJudge.Reading at(int seconds, long sourceCommitted, long sourceEnd, long restored) {
        return new StallJudge.Reading(T0.plusSeconds(seconds), Map.of(SOURCE, sourceCommitted, REPARTITION, 40L),
                Map.of(SOURCE, sourceEnd, REPARTITION, 40L), restored);
    }

    @Test
    void recordsWaitingWithNoCommitForTheBoundIsAStall() {
        StallJudge judge = new StallJudge(BOUND);
        assertFalse(judge.observe(at(0, 100, 900, 0), RECORDS_WAIT).stalled());
        assertFalse(judge.observe(at(20, 100, 900, 0), RECORDS_WAIT).stalled(), "20 s without a commit is nothing yet");
        assertFalse(judge.observe(at(170, 100, 950, 0), RECORDS_WAIT).stalled(), "170 s: still within the bound");
        StallJudge.Verdict verdict = judge.observe(at(180, 100, 950, 0), RECORDS_WAIT);
        assertTrue(verdict.stalled(), "three minutes since the last reading that moved");
        assertEquals(T0, verdict.noProgressSince());
        assertEquals(Map.of(SOURCE, 850L), verdict.lag());
        assertEquals(850L, verdict.details().get("waitingRecords"));
        assertEquals(HealthStatus.DOWN, StreamsHealth.liveness(State.RUNNING, false, verdict.stalled()));
        assertEquals(HealthStatus.DOWN, StreamsHealth.liveness(State.REBALANCING, false, verdict.stalled()),
                "stuck in a rebalance that never ends is stuck too");
    }

    @Test
    void aCommitEndsTheStall() {
        StallJudge judge = new StallJudge(BOUND);
        judge.observe(at(0, 100, 900, 0), RECORDS_WAIT);
        assertTrue(judge.observe(at(200, 100, 900, 0), RECORDS_WAIT).stalled());
        StallJudge.Verdict moved = judge.observe(at(220, 101, 900, 0), RECORDS_WAIT);
        assertFalse(moved.stalled());
        assertEquals(T0.plusSeconds(220), moved.lastProgressAt());
        assertNull(moved.noProgressSince(), "records in flight while it commits are not shown as waiting");
        assertEquals(Map.of(), moved.lag());
        assertEquals(T0.plusSeconds(220), judge.observe(at(240, 101, 900, 0), RECORDS_WAIT).noProgressSince(),
                "one reading without progress: waiting since the last one that moved");
        assertFalse(judge.observe(at(380, 101, 900, 0), RECORDS_WAIT).stalled(), "a new bound starts at the commit");
        assertTrue(judge.observe(at(400, 101, 900, 0), RECORDS_WAIT).stalled());
    }

    @Test
    void anIdleInstanceIsNeverStalled() {
        StallJudge judge = new StallJudge(BOUND);
        for (int s = 0; s <= 3600; s += 20) {
            StallJudge.Verdict verdict = judge.observe(at(s, 900, 900, 0), RECORDS_WAIT);
            assertFalse(verdict.stalled());
            assertNull(verdict.noProgressSince());
        }
    }

    @Test
    void restorationIsProgress() {
        StallJudge judge = new StallJudge(BOUND);
        for (int s = 0; s <= 600; s += 20) {
            assertFalse(judge.observe(at(s, 100, 900, 1_000L * s), RECORDS_WAIT).stalled(),
                    "restoring state for ten minutes with nothing committed is work, not a stall");
        }
    }

    @Test
    void aLagOfMarkersAndAbortedRecordsIsNotWaitingWork() {
        AtomicInteger asked = new AtomicInteger();
        StallJudge judge = new StallJudge(BOUND);
        Predicate<Map<TopicPartition, Long>> onlyMarkers = lag -> {
            asked.incrementAndGet();
            return false;
        };
        for (int s = 0; s <= 900; s += 20) {
            assertFalse(judge.observe(at(s, 898, 900, 0), onlyMarkers).stalled());
        }
        assertTrue(asked.get() >= 1 && asked.get() <= 5, "the broker is read only when the lag has lasted the bound: " + asked.get());
    }

    @Test
    void partitionsMovingBetweenInstancesIsProgress() {
        StallJudge judge = new StallJudge(BOUND);
        judge.observe(at(0, 100, 900, 0), RECORDS_WAIT);
        judge.observe(at(170, 100, 900, 0), RECORDS_WAIT);
        StallJudge.Reading reassigned = new StallJudge.Reading(T0.plusSeconds(190), Map.of(SOURCE, 100L),
                Map.of(SOURCE, 900L), 0);
        assertFalse(judge.observe(reassigned, RECORDS_WAIT).stalled(), "a new assignment starts a new bound");
    }

    @Test
    void forgettingStartsAfresh() {
        StallJudge judge = new StallJudge(BOUND);
        judge.observe(at(0, 100, 900, 0), RECORDS_WAIT);
        judge.forget(); // the broker was away: nothing is known about the time in between
        assertFalse(judge.observe(at(600, 100, 900, 0), RECORDS_WAIT).stalled(),
                "ten minutes of broker outage are not ten minutes of this instance's stall");
        assertTrue(judge.observe(at(780, 100, 900, 0), RECORDS_WAIT).stalled());
    }
}
