package org.foodrisk.it.exactlyonce;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.DescribeProducersResult.PartitionProducerState;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How far the app's consumer group (= its application.id) has got, measured on the broker: the
 * offsets Kafka Streams committed — under exactly-once, in the same transaction as the outputs
 * and state changes of the records before them — against what is in the topics.
 *
 * <p>{@link #isComplete()} walks the topology's input topics in order (the source topics, then the
 * repartition topics the first sub-topology writes, then the alert-command repartition topics the
 * detectors' stages write): a stage whose input is all committed can write nothing more, so once the
 * last stage is caught up too, every output is final. Nothing is inferred from time passing.
 */
final class ProcessingProgress implements AutoCloseable {

    /** The repartition topics, upstream ones first (see FoodRiskTopology). */
    private static final List<String> REPARTITION_STAGES = List.of(
            "signals-by-district-category", "cases-by-district-syndrome", "sampling-by-district", "signals-by-enterprise",
            "cases-by-exposure-place", "unplaced-cases-by-district", "alert-commands-by-alert",
            "alert-commands-from-district-category", "alert-commands-from-district-syndrome",
            "alert-commands-from-sampling-by-district", "alert-commands-from-enterprise",
            "alert-commands-from-exposure-place", "alert-commands-from-unplaced-cases", "disposal-commands-by-case");

    private final String applicationId;
    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;
    private final List<String> topicsInOrder;

    ProcessingProgress(String bootstrapServers, String applicationId) {
        this.applicationId = applicationId;
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers, "request.timeout.ms", 15_000, "default.api.timeout.ms", 20_000));
        this.reader = Outcome.committedReader(bootstrapServers);
        List<String> topics = new ArrayList<>(FixedInput.SOURCE_TOPICS);
        REPARTITION_STAGES.forEach(stage -> topics.add(applicationId + "-" + stage + "-repartition"));
        this.topicsInOrder = List.copyOf(topics);
    }

    /** Records of the source topics whose processing is committed, out of all of them. */
    long committedSourceRecords() {
        Map<TopicPartition, OffsetAndMetadata> committed = committed();
        return FixedInput.SOURCE_TOPICS.stream()
                .mapToLong(topic -> {
                    OffsetAndMetadata offset = committed.get(new TopicPartition(topic, 0));
                    return offset == null ? 0 : offset.offset();
                }).sum();
    }

    /**
     * True when every stage has committed the processing of every record it can see. Fails when the
     * app made a repartition topic this list does not know: completion would not be proven for it.
     */
    boolean isComplete() {
        List<String> unwatched = repartitionTopicsOnBroker().stream().filter(t -> !topicsInOrder.contains(t)).toList();
        if (!unwatched.isEmpty()) {
            throw new AssertionError("repartition topics not watched by ProcessingProgress (add them to REPARTITION_STAGES): "
                    + unwatched);
        }
        for (String topic : topicsInOrder) {
            if (!caughtUp(topic)) {
                return false;
            }
        }
        return true;
    }

    /** Waits until {@link #isComplete()}; fails after {@code timeout}, saying which topic lags. */
    void awaitComplete(Duration timeout, Runnable whileWaiting) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isComplete()) {
            whileWaiting.run();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the app did not finish processing within " + timeout + "; lagging: "
                        + topicsInOrder.stream().filter(t -> !caughtUp(t)).toList());
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    /**
     * The sum of every committed offset of the group on every stage's topics: it grows whenever
     * any stage commits, so a change tells that the app makes progress (after a broker restart).
     */
    long committedOffsetSum() {
        return committed().entrySet().stream()
                .filter(e -> topicsInOrder.contains(e.getKey().topic()))
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /**
     * For a failure message: the group's state and members with their assignments, and per stage
     * topic the committed offset, the last stable offset and the log end of each partition.
     */
    String report() {
        StringBuilder out = new StringBuilder();
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId))
                    .describedGroups().get(applicationId).get(20, TimeUnit.SECONDS);
            out.append("group ").append(applicationId).append(": ").append(group.groupState())
                    .append(", coordinator ").append(group.coordinator()).append('\n');
            for (MemberDescription member : group.members()) {
                out.append("  member ").append(member.clientId()).append(" on ").append(member.host())
                        .append(": ").append(member.assignment().topicPartitions().size()).append(" partitions\n");
            }
            Map<TopicPartition, OffsetAndMetadata> committed = committed();
            for (String topic : topicsInOrder) {
                List<TopicPartition> partitions = reader.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                Map<TopicPartition, Long> stable = ends(partitions, IsolationLevel.READ_COMMITTED);
                Map<TopicPartition, Long> ends = ends(partitions, IsolationLevel.READ_UNCOMMITTED);
                for (TopicPartition partition : partitions) {
                    OffsetAndMetadata done = committed.get(partition);
                    out.append("  ").append(partition).append(": committed ").append(done == null ? "-" : done.offset())
                            .append(", stable ").append(stable.get(partition)).append(", end ").append(ends.get(partition))
                            .append('\n');
                }
            }
        } catch (Exception e) {
            out.append("(the group could not be described: ").append(e).append(")\n");
        }
        out.append(openChangelogTransactions());
        return out.toString();
    }

    /**
     * The changelog partitions whose last stable offset is below their end, with the transactions open on them:
     * a task restores a changelog to its end (read_uncommitted) reading committed records only, so a transaction
     * left open there — never committed or aborted — holds its restoration, and the instance stays REBALANCING.
     */
    private String openChangelogTransactions() {
        StringBuilder out = new StringBuilder("changelogs with open transactions (last stable offset < end):\n");
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : admin.listTopics().names().get(20, TimeUnit.SECONDS)) {
                if (topic.startsWith(applicationId + "-") && topic.endsWith("-changelog")) {
                    reader.partitionsFor(topic, Duration.ofSeconds(20))
                            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            Map<TopicPartition, Long> stable = ends(partitions, IsolationLevel.READ_COMMITTED);
            Map<TopicPartition, Long> ends = ends(partitions, IsolationLevel.READ_UNCOMMITTED);
            List<TopicPartition> open = partitions.stream()
                    .filter(p -> stable.get(p) != null && stable.get(p) < ends.get(p)).toList();
            if (open.isEmpty()) {
                return out.append("  none\n").toString();
            }
            Map<TopicPartition, PartitionProducerState> producers =
                    admin.describeProducers(open).all().get(20, TimeUnit.SECONDS);
            for (TopicPartition partition : open) {
                out.append("  ").append(partition).append(": stable ").append(stable.get(partition))
                        .append(", end ").append(ends.get(partition)).append('\n');
                for (ProducerState producer : producers.get(partition).activeProducers()) {
                    if (producer.currentTransactionStartOffset().isPresent()) {
                        out.append("    producer ").append(producer.producerId()).append(" epoch ")
                                .append(producer.producerEpoch()).append(": transaction open from offset ")
                                .append(producer.currentTransactionStartOffset().getAsLong())
                                .append(", last write at ").append(Instant.ofEpochMilli(producer.lastTimestamp()))
                                .append('\n');
                    }
                }
            }
        } catch (Exception e) {
            out.append("  (could not be read: ").append(e).append(")\n");
        }
        return out.toString();
    }

    private List<String> repartitionTopicsOnBroker() {
        try {
            return admin.listTopics().names().get(20, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(applicationId + "-") && t.endsWith("-repartition")).sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the topics", e);
        }
    }

    /** How many members the group has and how many partitions each was assigned. */
    List<Integer> memberAssignments() {
        return members().stream()
                .map(member -> member.assignment().topicPartitions().size()).toList();
    }

    /** The client id of the member that reads the source topics (the first sub-topology), or null. */
    String sourceReaderClientId() {
        TopicPartition source = new TopicPartition(FixedInput.SOURCE_TOPICS.get(0), 0);
        return members().stream()
                .filter(member -> member.assignment().topicPartitions().contains(source))
                .map(MemberDescription::clientId).findFirst().orElse(null);
    }

    /** The group's members; none before the first instance has joined. */
    private List<MemberDescription> members() {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId))
                    .describedGroups().get(applicationId).get();
            return List.copyOf(group.members());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return List.of();
            }
            throw new IllegalStateException("cannot describe group " + applicationId, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A topic is caught up when no transaction on it is open (its last stable offset is its end)
     * and no committed record lies at or after the group's committed offset. An open transaction
     * of a killed instance hides records behind it until the broker aborts it, so it counts as lag.
     */
    private boolean caughtUp(String topic) {
        List<TopicPartition> partitions = reader.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> stable = ends(partitions, IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, Long> ends = ends(partitions, IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, OffsetAndMetadata> committed = committed();
        for (TopicPartition partition : partitions) {
            if (!stable.get(partition).equals(ends.get(partition))) {
                return false;
            }
            OffsetAndMetadata done = committed.get(partition);
            if (hasRecordsFrom(partition, done == null ? 0 : done.offset(), stable.get(partition))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a committed record lies in [from, end): transaction markers and aborted records do not count. */
    private boolean hasRecordsFrom(TopicPartition partition, long from, long end) {
        if (from >= end) {
            return false;
        }
        reader.assign(List.of(partition));
        reader.seek(partition, from);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (reader.position(partition) < end && System.nanoTime() < deadline) {
            if (!reader.poll(Duration.ofMillis(200)).isEmpty()) {
                return true;
            }
        }
        return reader.position(partition) < end;
    }

    /** The end offsets: the log end (read_uncommitted) or the last stable offset (read_committed). */
    private Map<TopicPartition, Long> ends(List<TopicPartition> partitions, IsolationLevel isolation) {
        try {
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())),
                            new ListOffsetsOptions(isolation))
                    .all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list offsets of " + partitions, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the committed offsets of " + applicationId, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        reader.close();
        admin.close();
    }
}
