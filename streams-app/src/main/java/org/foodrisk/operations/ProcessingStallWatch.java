package org.foodrisk.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.foodrisk.runtime.KafkaRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import org.foodrisk.runtime.RepeatingTask;

/**
 * Reads this instance's progress on the broker every {@code foodrisk.health.stall-check-every}
 * and lets {@link StallJudge} decide whether it is stuck; liveness goes DOWN when it is
 * ({@link StreamsLiveness}), so that an orchestrator restarts an instance that stays silently
 * stuck, and the details say since when and on which partitions records wait.
 *
 * <p>The partitions looked at are those of the tasks this instance runs; while it runs none and
 * Kafka Streams is not RUNNING (a rebalance that does not end), every partition the group has
 * committed on. State restoration counts as progress (Kafka Streams' restore and standby-update
 * counters), so a long restoration is never taken for a stall.
 */
@io.micronaut.context.annotation.Context
public class ProcessingStallWatch {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessingStallWatch.class);
    /** Kafka Streams' task-level counters of restored and standby-updated records (KIP-869). */
    private static final Set<String> RESTORE_COUNTERS = Set.of("restore-total", "update-total");

    private final KafkaRuntime runtime;
    private final StallJudge judge;
    private final Duration stallAfter;
    private GroupOffsets offsets;
    private boolean closed;

    public ProcessingStallWatch(KafkaRuntime runtime, @Nullable MeterRegistry registry,
                                @Value("${foodrisk.health.stall-after:PT3M}") Duration stallAfter,
                                @Value("${foodrisk.health.stall-check-every:PT20S}") Duration checkEvery,
                                @jakarta.inject.Named(TaskExecutors.SCHEDULED)
                                TaskScheduler scheduler) {
        this.runtime = runtime;
        this.stallAfter = stallAfter;
        this.judge = new StallJudge(stallAfter);
        if (registry != null) {
            // For the alerting rule FoodriskProcessingStalled and the board: the same verdict as liveness.
            Gauge.builder("foodrisk.processing.stalled", judge, j -> j.verdict().stalled() ? 1 : 0)
                    .description("1 while this instance is stuck: records wait on its partitions and nothing was committed for foodrisk.health.stall-after")
                    .register(registry);
            Gauge.builder("foodrisk.processing.waiting.records", judge,
                            j -> j.verdict().lag().values().stream().mapToLong(Long::longValue).sum())
                    .description("Records waiting on this instance's partitions while it makes no progress (0 while it progresses)")
                    .register(registry);
        }
        this.task = RepeatingTask.start(scheduler, "Checking for a processing stall",
                checkEvery, checkEvery, this::check);
    }

    private final RepeatingTask task;

    synchronized void check() {
        if (closed) {
            return;
        }
        KafkaStreams streams = runtime.streams();
        KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.ERROR
                || state == KafkaStreams.State.PENDING_SHUTDOWN || state == KafkaStreams.State.PENDING_ERROR) {
            judge.forget(); // liveness says so from the state itself
            return;
        }
        try {
            if (offsets == null) {
                offsets = new GroupOffsets(runtime.kafka().asMap(), runtime.applicationId());
            }
            Set<TopicPartition> owned = streams.metadataForLocalThreads().stream()
                    .flatMap(thread -> thread.activeTasks().stream())
                    .flatMap(task -> task.topicPartitions().stream())
                    .collect(Collectors.toSet());
            Map<TopicPartition, Long> committed;
            if (owned.isEmpty() && state != KafkaStreams.State.RUNNING) {
                committed = offsets.committed(null);
            } else {
                committed = offsets.committed(owned);
            }
            Set<TopicPartition> watched = owned.isEmpty() ? committed.keySet() : owned;
            Map<TopicPartition, Long> stable = offsets.lastStable(watched);
            StallJudge.Verdict verdict = judge.observe(
                    new StallJudge.Reading(Instant.now(), committed, stable, restoreProgress(streams)),
                    lag -> offsets.hasRecordsToRead(lag, committed));
            if (verdict.stalled()) {
                LOG.error("No progress since {} with records waiting on {}: this instance is stuck (liveness DOWN after {})",
                        verdict.noProgressSince(), verdict.lag().keySet(), stallAfter);
            }
        } catch (Exception unreadable) {
            // The broker cannot be reached or answered late: nothing is known, so nothing is judged;
            // the next reading starts afresh (an outage is not this instance's stall).
            judge.forget();
            LOG.debug("Progress not readable: {}", unreadable.toString());
        }
    }

    public StallJudge.Verdict verdict() {
        return judge.verdict();
    }

    private static long restoreProgress(KafkaStreams streams) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
            if (RESTORE_COUNTERS.contains(metric.getKey().name()) && metric.getValue().metricValue() instanceof Number n) {
                total += n.doubleValue();
            }
        }
        return (long) total;
    }

    @PreDestroy
    synchronized void close() {
        closed = true;
        if (task != null) {
            task.close();
        }
        if (offsets != null) {
            offsets.close();
        }
    }
}
