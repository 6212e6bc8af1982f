package org.foodrisk.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.common.KafkaFuture;

/**
 * Reads, on the broker, how far a consumer group (a Kafka Streams application.id) has committed
 * on some partitions and what is there to read: the offsets {@link StallJudge} works on. Its own
 * admin client and a group-less read_committed consumer (it never joins or commits for the
 * group), so a stuck stream thread cannot block it.
 */
public final class GroupOffsets implements AutoCloseable {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final String groupId;
    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;

    /** @param clientConfig bootstrap servers and security properties of the service's clients */
    public GroupOffsets(Map<String, Object> clientConfig, String groupId) {
        this.groupId = groupId;
        Map<String, Object> adminConfig = new HashMap<>(clientConfig);
        adminConfig.put("client.id", groupId + "-progress-admin");
        adminConfig.put("request.timeout.ms", (int) CALL_TIMEOUT.toMillis());
        adminConfig.put("default.api.timeout.ms", (int) CALL_TIMEOUT.toMillis());
        this.admin = Admin.create(adminConfig);
        Map<String, Object> readerConfig = new HashMap<>(clientConfig);
        readerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-progress-reader");
        readerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase());
        readerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        readerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        // Consumed repartition records are purged: an offset before the log start reads from the start.
        readerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        readerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        readerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.reader = new KafkaConsumer<>(readerConfig);
    }

    /** The group's committed offsets of {@code partitions}, or of every partition when null (absent: never committed). */
    public Map<TopicPartition, Long> committed(Collection<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata());
        return offsets.entrySet().stream()
                .filter(e -> e.getValue() != null && (partitions == null || partitions.contains(e.getKey())))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** The last stable offset of each partition: the end of what a read_committed consumer may read now. */
    public Map<TopicPartition, Long> lastStable(Collection<TopicPartition> partitions) throws Exception {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        return get(admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())),
                        new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all())
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /**
     * Whether a committed record lies between a partition's committed offset and its last stable
     * offset: {@code lag} maps each partition to how many offsets lie there. Transaction markers
     * and aborted records occupy offsets but are never delivered, so only reading tells.
     */
    public boolean hasRecordsToRead(Map<TopicPartition, Long> lag, Map<TopicPartition, Long> committed) {
        for (Map.Entry<TopicPartition, Long> entry : lag.entrySet()) {
            TopicPartition partition = entry.getKey();
            long from = committed.getOrDefault(partition, 0L);
            long end = from + entry.getValue();
            reader.assign(List.of(partition));
            reader.seek(partition, from);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (reader.position(partition) < end && System.nanoTime() < deadline) {
                if (!reader.poll(Duration.ofMillis(200)).isEmpty()) {
                    return true;
                }
            }
            if (reader.position(partition) < end) {
                return true; // could not read to the end in time: count it as waiting, not as idle
            }
        }
        return false;
    }

    private static <T> T get(KafkaFuture<T> future) throws Exception {
        try {
            return future.get(CALL_TIMEOUT.toMillis() + 2_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        }
    }

    @Override
    public void close() {
        reader.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        admin.close(Duration.ofSeconds(5));
    }
}
