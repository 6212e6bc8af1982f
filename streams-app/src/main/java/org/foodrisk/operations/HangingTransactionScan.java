package org.foodrisk.operations;

import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.DescribeProducersResult.PartitionProducerState;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One look, through an {@link Admin}, at the transactions open on an application's own topics (its changelogs and
 * repartition topics: {@code <application.id>-…}), remembering from one look to the next since when each has been
 * open; {@link HangingTransactions} judges them. Used by {@link HangingTransactionGuard} on a schedule.
 */
final class HangingTransactionScan {

    private static final long CALL_TIMEOUT_SECONDS = 20;

    /** A hanging transaction and what its coordinator said (null: it lists none of that producer). */
    record Hanging(HangingTransactions.Open transaction, HangingTransactions.CoordinatorView coordinator) {
        String coordinatorSays() {
            return coordinator == null ? "lists no transaction of that producer"
                    : "says " + coordinator.state() + " at epoch " + coordinator.producerEpoch();
        }
    }

    private final Admin admin;
    private final String applicationId;
    private final Duration abortAfter;
    /** When each open transaction (partition, producer, epoch, first offset) was first seen open. */
    private final Map<HangingTransactions.Open, Instant> openSince = new HashMap<>();

    HangingTransactionScan(Admin admin, String applicationId, Duration abortAfter) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.abortAfter = abortAfter;
    }

    /** The transactions found hanging at {@code now}. */
    List<Hanging> check(Instant now) throws Exception {
        List<HangingTransactions.Open> open = openTransactions(applicationPartitions());
        openSince.keySet().retainAll(open);
        open.forEach(transaction -> openSince.putIfAbsent(transaction, now));
        List<HangingTransactions.Open> old = open.stream()
                .filter(transaction -> !openSince.get(transaction).plus(abortAfter).isAfter(now)).toList();
        if (old.isEmpty()) {
            return List.of();
        }
        Map<Long, HangingTransactions.CoordinatorView> coordinator = coordinatorViews(
                old.stream().map(HangingTransactions.Open::producerId).collect(Collectors.toSet()));
        List<Hanging> hanging = new ArrayList<>();
        for (HangingTransactions.Open transaction : old) {
            HangingTransactions.CoordinatorView view = coordinator.get(transaction.producerId());
            if (HangingTransactions.hanging(transaction, view, openSince.get(transaction), now, abortAfter)) {
                hanging.add(new Hanging(transaction, view));
            }
        }
        return hanging;
    }

    /** Writes the abort marker of a hanging transaction on its partition ({@code Admin#abortTransaction}, KIP-664). */
    void abort(HangingTransactions.Open transaction) throws Exception {
        admin.abortTransaction(new AbortTransactionSpec(transaction.partition(), transaction.producerId(),
                        (short) transaction.producerEpoch(), transaction.coordinatorEpoch()))
                .all().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        openSince.remove(transaction);
    }

    /** The partitions of the application's own topics: its changelogs and repartition topics. */
    private List<TopicPartition> applicationPartitions() throws Exception {
        String prefix = applicationId + "-";
        Set<String> topics = admin.listTopics().names().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                .filter(name -> name.startsWith(prefix)).collect(Collectors.toSet());
        if (topics.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                .get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        described.values().forEach(topic -> topic.partitions()
                .forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition()))));
        return partitions;
    }

    /** The transactions open on the partitions whose last stable offset is below their end. */
    private List<HangingTransactions.Open> openTransactions(List<TopicPartition> partitions) throws Exception {
        if (partitions.isEmpty()) {
            return List.of();
        }
        Map<TopicPartition, Long> stable = ends(partitions, IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, Long> end = ends(partitions, IsolationLevel.READ_UNCOMMITTED);
        List<TopicPartition> held = partitions.stream()
                .filter(p -> stable.containsKey(p) && end.containsKey(p) && stable.get(p) < end.get(p)).toList();
        if (held.isEmpty()) {
            return List.of();
        }
        Map<TopicPartition, PartitionProducerState> producers = admin.describeProducers(held).all()
                .get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<HangingTransactions.Open> open = new ArrayList<>();
        producers.forEach((partition, state) -> {
            for (ProducerState producer : state.activeProducers()) {
                if (producer.currentTransactionStartOffset().isPresent()) {
                    open.add(new HangingTransactions.Open(partition, producer.producerId(), producer.producerEpoch(),
                            producer.currentTransactionStartOffset().getAsLong(), producer.coordinatorEpoch().orElse(-1)));
                }
            }
        });
        return open;
    }

    /** What the coordinators say of each producer id's current transaction (absent: they list none). */
    private Map<Long, HangingTransactions.CoordinatorView> coordinatorViews(Set<Long> producerIds) throws Exception {
        Collection<TransactionListing> listed = admin.listTransactions(
                        new ListTransactionsOptions().filterProducerIds(producerIds))
                .all().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (listed.isEmpty()) {
            return Map.of();
        }
        Map<String, TransactionDescription> described = admin.describeTransactions(
                        listed.stream().map(TransactionListing::transactionalId).collect(Collectors.toSet()))
                .all().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<Long, HangingTransactions.CoordinatorView> views = new HashMap<>();
        described.values().forEach(d -> views.put(d.producerId(), new HangingTransactions.CoordinatorView(
                d.state(), d.producerId(), d.producerEpoch(), new HashSet<>(d.topicPartitions()))));
        return views;
    }

    private Map<TopicPartition, Long> ends(List<TopicPartition> partitions, IsolationLevel isolation) throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())),
                        new ListOffsetsOptions(isolation))
                .all().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

}
