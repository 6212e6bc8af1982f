package org.foodrisk.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.admin.Admin;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.runtime.RepeatingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds hanging transactions on the topics of this service's Kafka Streams application (its changelogs and
 * repartition topics) and aborts them, as an operator would with {@code kafka-transactions.sh abort} (KIP-664): a
 * hanging transaction stops every read_committed reader of its partition for good, and a changelog's stops the
 * restoration of its task — the instance stays REBALANCING (see {@link HangingTransactions} for when it happens and
 * how a transaction is judged hanging).
 *
 * <p>What aborting costs, said plainly: the hanging records are dropped. They belonged to a transaction the
 * coordinator finished, so when it finished with a commit those records are lost from that partition (two changelog
 * records in the first case seen; 22 transactions in a later one, whose alerts then differed from an undisturbed
 * run's). The cause is Kafka's KAFKA-20734 (a partition without a leader taken for deleted; not fixed in 4.3.2 or
 * 4.4.0): the transactions it leaves hanging had committed, and the right repair would write their commit markers —
 * which needs the outcome from {@code __transaction_state} and a WriteTxnMarkers request, outside the public Admin
 * API. README "Hanging transactions". Every abort is logged at ERROR
 * with the partition, offsets and producer, and counted ({@code foodrisk_kafka_hanging_transactions_aborted_total}).
 * {@code foodrisk.kafka.hanging-transactions.abort=false} only reports them. Every instance checks on its own, so
 * two instances may both abort the same transaction: the second writes an abort marker for a producer with nothing
 * open on the partition, which readers skip (seen in ExactlyOnceIT, 2026-12-07: five aborted by each instance, and the
 * run's outputs equal to the undisturbed run's).
 */
@io.micronaut.context.annotation.Context
public class HangingTransactionGuard {

    private static final Logger LOG = LoggerFactory.getLogger(HangingTransactionGuard.class);

    private final KafkaRuntime runtime;
    private final Duration abortAfter;
    private final boolean abort;
    private final Counter aborted;
    private final RepeatingTask task;
    private Admin admin;
    private HangingTransactionScan scan;
    private boolean closed;

    public HangingTransactionGuard(KafkaRuntime runtime, @Nullable MeterRegistry registry,
                                   @Value("${foodrisk.kafka.hanging-transactions.check-every:PT20S}") Duration checkEvery,
                                   @Value("${foodrisk.kafka.hanging-transactions.abort-after:PT1M}") Duration abortAfter,
                                   @Value("${foodrisk.kafka.hanging-transactions.abort:true}") boolean abort,
                                   @jakarta.inject.Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.runtime = runtime;
        this.abortAfter = abortAfter;
        this.abort = abort;
        this.aborted = registry == null ? null : Counter.builder("foodrisk.kafka.hanging.transactions.aborted")
                .description("Hanging transactions this instance aborted on its application's topics")
                .register(registry);
        this.task = RepeatingTask.start(scheduler, "Looking for hanging transactions", checkEvery, checkEvery, this::check);
    }

    synchronized void check() {
        if (closed) {
            return;
        }
        try {
            if (scan == null) {
                Map<String, Object> config = new HashMap<>(runtime.kafka().asMap());
                config.put("client.id", runtime.applicationId() + "-transactions-admin");
                admin = Admin.create(config);
                scan = new HangingTransactionScan(admin, runtime.applicationId(), abortAfter);
            }
            for (HangingTransactionScan.Hanging hanging : scan.check(Instant.now())) {
                handle(hanging);
            }
        } catch (Exception unreadable) {
            // The broker cannot be reached or answered late (a restart): the next check starts afresh.
            LOG.debug("Transactions not readable: {}", unreadable.toString());
        }
    }

    private void handle(HangingTransactionScan.Hanging hanging) throws Exception {
        HangingTransactions.Open transaction = hanging.transaction();
        if (!abort) {
            LOG.error("Hanging transaction on {} from offset {} (producer {} epoch {}): the coordinator {}; readers of the "
                            + "partition are stuck there. Abort it: kafka-transactions.sh abort --topic {} --partition {} "
                            + "--start-offset {}", transaction.partition(), transaction.firstOffset(),
                    transaction.producerId(), transaction.producerEpoch(), hanging.coordinatorSays(),
                    transaction.partition().topic(), transaction.partition().partition(), transaction.firstOffset());
            return;
        }
        scan.abort(transaction);
        if (aborted != null) {
            aborted.increment();
        }
        LOG.error("Aborted a hanging transaction on {} from offset {} (producer {} epoch {}): the coordinator {}, and "
                        + "readers of the partition (a task restoring its store from it) could not pass it. Its records on "
                        + "this partition are dropped.", transaction.partition(), transaction.firstOffset(),
                transaction.producerId(), transaction.producerEpoch(), hanging.coordinatorSays());
    }

    @PreDestroy
    synchronized void close() {
        closed = true;
        task.close();
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
