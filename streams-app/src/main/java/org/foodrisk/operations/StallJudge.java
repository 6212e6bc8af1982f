package org.foodrisk.operations;

import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Decides from periodic readings whether this instance is stuck: records are waiting on the
 * partitions it processes, and for {@code stallAfter} nothing of its processing was committed
 * and no state was restored.
 *
 * <p>Why this is needed beside the Kafka Streams state: a stream thread can stay RUNNING (or
 * REBALANCING) while it makes no progress at all — blocked on a coordinator, a transaction that
 * never completes, a client that never recovers after the broker came back. The state says
 * nothing then, and the lag only grows. Under exactly-once the committed offsets are the truth
 * about progress (a record processed and then aborted is not progress), so this judge watches
 * them, as the operator's own lag graphs would, and says so after a bounded time.
 *
 * <p>Lag alone is not waiting work: after a crash a partition can end in aborted records and
 * transaction markers that a read_committed consumer skips and never commits past. So before it
 * calls a lag a stall, the judge asks ({@code hasRecordsToRead}) whether a committed record
 * really lies between the committed offset and the last stable offset.
 *
 * <p>Not its business: records hidden behind another producer's open transaction (the last
 * stable offset does not move; nothing is readable, so nothing is waiting for this instance), and
 * a broker that cannot be reached (a reading fails; the judge keeps what it knew). Neither is
 * fixed by restarting this instance.
 */
public final class StallJudge {

    /** One reading: the committed offset and the last stable offset of each partition looked at. */
    public record Reading(Instant at, Map<TopicPartition, Long> committed, Map<TopicPartition, Long> stable,
                          long restoreProgress) {

        public Reading {
            committed = Map.copyOf(committed);
            stable = Map.copyOf(stable);
        }

        Map<TopicPartition, Long> lag() {
            Map<TopicPartition, Long> lag = new LinkedHashMap<>();
            stable.forEach((partition, end) -> {
                long done = committed.getOrDefault(partition, 0L);
                if (done < end) {
                    lag.put(partition, end - done);
                }
            });
            return lag;
        }
    }

    /** What the judge concluded after the latest reading. */
    public record Verdict(boolean stalled, Instant noProgressSince, Map<TopicPartition, Long> lag, Instant lastProgressAt) {

        static final Verdict NOTHING_KNOWN = new Verdict(false, null, Map.of(), null);

        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("stalled", stalled);
            if (lastProgressAt != null) {
                details.put("lastProgressAt", lastProgressAt.toString());
            }
            if (noProgressSince != null) {
                details.put("noProgressSince", noProgressSince.toString());
                details.put("waitingRecords", lag.values().stream().mapToLong(Long::longValue).sum());
                details.put("waitingPartitions", lag.keySet().stream().map(TopicPartition::toString).sorted().limit(10).toList());
            }
            return details;
        }
    }

    private final Duration stallAfter;
    private Reading previous;
    private Instant noProgressSince;
    private Instant lastProgressAt;
    private Verdict verdict = Verdict.NOTHING_KNOWN;

    public StallJudge(Duration stallAfter) {
        this.stallAfter = Objects.requireNonNull(stallAfter);
    }

    /**
     * Takes a reading and returns the verdict.
     *
     * @param hasRecordsToRead asked, only when a lag has lasted {@code stallAfter}, whether a committed
     *                         record lies between a partition's committed and last stable offset
     */
    public synchronized Verdict observe(Reading reading, Predicate<Map<TopicPartition, Long>> hasRecordsToRead) {
        Map<TopicPartition, Long> lag = reading.lag();
        if (previous == null || progressed(previous, reading)) {
            lastProgressAt = previous == null ? null : reading.at();
            noProgressSince = lag.isEmpty() ? null : reading.at();
        } else if (lag.isEmpty()) {
            noProgressSince = null;
        } else if (noProgressSince == null) {
            noProgressSince = previous.at();
        }
        previous = reading;
        boolean stalled = noProgressSince != null
                && Duration.between(noProgressSince, reading.at()).compareTo(stallAfter) >= 0
                && hasRecordsToRead.test(lag);
        if (noProgressSince != null && !stalled
                && Duration.between(noProgressSince, reading.at()).compareTo(stallAfter) >= 0) {
            // Only markers and aborted records lie behind the lag: nothing waits, start over.
            noProgressSince = null;
        }
        // Shown only once a reading has passed without progress: while the instance commits, the
        // records in flight are not "waiting" in any sense an operator should read.
        Instant shownSince = noProgressSince != null && noProgressSince.isBefore(reading.at()) ? noProgressSince : null;
        verdict = new Verdict(stalled, shownSince, shownSince == null ? Map.of() : lag, lastProgressAt);
        return verdict;
    }

    /** Forgets every reading: the next one starts afresh (after an outage or a stop, nothing carries over). */
    public synchronized void forget() {
        previous = null;
        noProgressSince = null;
        verdict = Verdict.NOTHING_KNOWN;
    }

    public synchronized Verdict verdict() {
        return verdict;
    }

    /** Any committed offset moved, a partition came or went, or state was restored. */
    private static boolean progressed(Reading before, Reading now) {
        return !before.committed().equals(now.committed())
                || !before.stable().keySet().equals(now.stable().keySet())
                || before.restoreProgress() != now.restoreProgress();
    }
}
