package org.foodrisk.it.exactlyonce;

import org.foodrisk.testsupport.AppProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing lost, nothing doubled: the same fixed input ({@link FixedInput}, about 5,000 records on
 * the four input topics) goes through the real service three times, each time on a fresh real
 * broker of its own — so the fixed output topic names never collide — and what subscribers see
 * must be identical ({@link Outcome}: the compacted alerts without their wall-clock fields, the
 * versions of every alert, the dead letters, and the final content of every state store):
 * <ol>
 *   <li>the undisturbed reference: one instance, nothing goes wrong;</li>
 *   <li>two instances, one of them killed with SIGKILL mid-stream and started again;</li>
 *   <li>two instances, the broker killed with SIGKILL mid-stream and started again on the same
 *       data directory and port.</li>
 * </ol>
 * "Mid-stream" is measured, not guessed: the kill comes once both instances have partitions and
 * at least a tenth of the input is committed, and the test fails if the input was all processed
 * before. Completion is measured too ({@link ProcessingProgress}): every stage's committed offsets
 * must cover every committed record of its input topic before the outputs are read.
 *
 * <p>Why the source topics get one partition here (the catalogue gives four): exactly-once
 * guarantees that each record's effects are applied once, not in which order records from
 * different upstream tasks interleave in a repartition topic — and several detectors depend on
 * order (a failure rate judged when each failure arrives, days closed on the event time seen so
 * far, alert versions made per detection). With four source partitions two undisturbed runs
 * could differ by scheduling alone, and the comparison would prove nothing. With one partition,
 * one task reads all sources in timestamp order ({@link FixedInput} gives distinct timestamps and
 * publishes before the app starts), each repartition topic has that one writer, and the order of
 * everything downstream is defined; any difference left is a record lost or applied twice. The
 * two instances still share the work: the six sub-topologies are six tasks spread over them, and
 * every hand-over between them goes through transactions, changelog restoration and fencing.
 *
 * <p>Run alone: {@code mvn -B -pl streams-app -am verify -Dit.test=ExactlyOnceIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}. Logs of every run stay in
 * {@code streams-app/target/exactly-once/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExactlyOnceIT {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(300);
    private static final int SHOWN_DIFFERENCES = 15;
    /** The service's stall bound (foodrisk.health.stall-after): the broker back, a commit must follow within it. */
    private static final Duration FIRST_COMMIT_BOUND = Duration.ofMinutes(3);
    /** How long the killed broker stays down; -Dexactlyonce.broker-downtime=PT30S to try others. */
    private static final Duration BROKER_DOWNTIME = Duration.parse(System.getProperty("exactlyonce.broker-downtime", "PT15S"));

    private final FixedInput input = FixedInput.build();
    private Path dir;
    private Outcome reference;

    @BeforeAll
    void undisturbedRun() throws Exception {
        dir = Files.createDirectories(Path.of("target", "exactly-once")).resolve("run-" + System.currentTimeMillis());
        try (PipelineRun run = PipelineRun.start(dir.resolve("reference"), input, 1)) {
            reference = run.awaitOutcome(RUN_TIMEOUT);
            assertEquals(List.of(), run.abortedHangingTransactions(), "no transaction of an undisturbed run is hanging");
        }
        System.out.printf("ExactlyOnceIT reference: %d input records; %d alerts %s with %d versions; dead letters %s; "
                        + "store entries %s%n", input.records().size(), reference.alerts().size(), reference.alertKinds(),
                reference.versions().values().stream().mapToInt(List::size).sum(), reference.deadLetterErrors(),
                reference.stores().entrySet().stream().collect(Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().size(), (a, b) -> a, TreeMap::new)));
        // The comparison means something only if the input exercises the service broadly.
        Map<String, Long> kinds = reference.alertKinds();
        assertTrue(kinds.size() >= 5, "alerts of at least five kinds: " + kinds);
        assertTrue(reference.versions().values().stream().anyMatch(v -> v.size() > 1), "some alerts have several versions");
        assertTrue(reference.deadLetterErrors().size() >= 5, "dead letters of several kinds: " + reference.deadLetterErrors());
        assertTrue(reference.stores().getOrDefault("daily-counts-store", Map.of()).size() > 100, "daily counts");
    }

    @Test
    void instanceKilledMidStreamAndRestartedChangesNothing() throws Exception {
        try (PipelineRun run = PipelineRun.start(dir.resolve("instance-crash"), input, 2)) {
            long committed = awaitMidStream(run);
            String sourceReader = run.progress().sourceReaderClientId();
            assertTrue(sourceReader != null, "an instance reads the source topics");
            AppProcess victim = run.instanceWithClient(sourceReader);
            victim.kill();
            System.out.printf("ExactlyOnceIT: killed %s (reads the source topics) at %d of %d source records committed%n",
                    victim.name(), committed, input.records().size());
            assertTrue(run.progress().committedSourceRecords() < input.records().size(),
                    "the instance was killed before the input was all processed");
            victim.start();
            assertSameAsReference(run.awaitOutcome(RUN_TIMEOUT));
            // A killed instance's open transaction is the coordinator's to abort (fenced by the restarted producer):
            // nothing of it may be taken for hanging.
            assertEquals(List.of(), run.abortedHangingTransactions(), "no transaction hanging after an instance crash");
        }
    }

    @Test
    void brokerKilledMidStreamAndRestartedChangesNothing() throws Exception {
        try (PipelineRun run = PipelineRun.start(dir.resolve("broker-restart"), input, 2)) {
            long committed = awaitMidStream(run);
            run.broker().kill();
            System.out.printf("ExactlyOnceIT: killed the broker at %d of %d source records committed; down for %d s%n",
                    committed, input.records().size(), BROKER_DOWNTIME.toSeconds());
            // Down for longer than Kafka Streams' transaction timeout (10 s under exactly-once), as a
            // real broker's restart is: the coordinator then aborts the open transactions when it
            // is back, and the instances' producers find themselves fenced.
            TimeUnit.MILLISECONDS.sleep(BROKER_DOWNTIME.toMillis());
            run.broker().restart(Duration.ofSeconds(90));
            Duration recovery = awaitFirstCommit(run);
            System.out.printf("ExactlyOnceIT: first commit %d ms after the broker was ready again%n", recovery.toMillis());
            Outcome outcome = run.awaitOutcome(RUN_TIMEOUT);
            // The restarted broker's coordinator may complete a commit while some partitions have no leader yet and
            // skip their markers (Kafka 4.3.1): the service aborts what is left hanging (HangingTransactionGuard).
            List<String> aborted = run.abortedHangingTransactions();
            System.out.printf("ExactlyOnceIT: the service aborted %d hanging transactions after the broker's restart%s%n",
                    aborted.size(), aborted.isEmpty() ? "" : ":\n  " + String.join("\n  ", aborted));
            assertSameAsReference(outcome);
            for (AppProcess instance : run.instances()) {
                String liveness = run.health(instance, "/health/liveness");
                assertTrue(liveness.startsWith("200 ") && liveness.contains("\"stalled\":false"),
                        instance.name() + " is alive and not stalled after the broker's restart: " + liveness);
            }
        }
    }

    /**
     * Measures how long the app takes to commit again once the broker is back: nothing can be
     * committed while it is down, so the group's committed offsets read now are those of the crash,
     * and the first commit after it moves them. The bound is the service's own stall bound
     * ({@code foodrisk.health.stall-after}, 3 minutes): longer without a commit while records wait,
     * and liveness would say the instance is stuck. The figure is printed (seconds in every run so
     * far) so that a slow recovery shows long before it fails.
     */
    private Duration awaitFirstCommit(PipelineRun run) throws InterruptedException {
        long start = System.nanoTime();
        long atCrash = run.progress().committedOffsetSum();
        while (run.progress().committedOffsetSum() == atCrash) {
            run.requireInstancesAlive();
            if (System.nanoTime() - start > FIRST_COMMIT_BOUND.toNanos()) {
                String diagnostics = run.diagnostics();
                System.out.println(diagnostics);
                throw new AssertionError("nothing was committed within " + FIRST_COMMIT_BOUND
                        + " after the broker was back\n" + diagnostics);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Waits until both instances have work and part of the input — not all of it — is committed. */
    private long awaitMidStream(PipelineRun run) throws InterruptedException {
        long total = input.records().size();
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            run.requireInstancesAlive();
            long committed = run.progress().committedSourceRecords();
            assertTrue(committed < total, "the input was all processed before both instances had work: "
                    + "make the input larger for this machine");
            List<Integer> members = run.progress().memberAssignments();
            if (members.size() == run.instances().size() && members.stream().allMatch(n -> n > 0)
                    && committed >= total / 10) {
                return committed;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("the instances did not start sharing the work within " + RUN_TIMEOUT);
    }

    private void assertSameAsReference(Outcome outcome) {
        assertEquals(List.of(), outcome.differencesFrom(reference, SHOWN_DIFFERENCES),
                "what subscribers see differs from the undisturbed run (first " + SHOWN_DIFFERENCES + " differences)");
    }
}
