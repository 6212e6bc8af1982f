package org.foodrisk.it;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.foodrisk.operations.GroupOffsets;
import org.foodrisk.testsupport.TestKafka;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the stall watch reads on a real broker: a group's committed offsets, the last stable
 * offsets, and whether a lag between them holds records to read — or only transaction markers and
 * aborted records, which a read_committed consumer never delivers and Kafka Streams never commits
 * past when they end a partition (the state after a crash).
 */
class GroupOffsetsIT {

    @Test
    void aLagOfMarkersAndAbortedRecordsHoldsNothingToReadButCommittedRecordsDo() throws Exception {
        String bootstrap = TestKafka.bootstrapServers();
        String topic = "stall-watch-" + UUID.randomUUID();
        String group = "stall-watch-group-" + UUID.randomUUID();
        TopicPartition partition = new TopicPartition(topic, 0);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            try (KafkaProducer<String, String> producer = transactional(bootstrap)) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "k", "committed")).get();
                producer.commitTransaction(); // offsets 0 (record), 1 (commit marker)
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "k", "aborted")).get();
                producer.abortTransaction(); // offsets 2 (aborted record), 3 (abort marker)
            }
            // The group processed the one committed record: its committed offset is 1, the partition ends at 4.
            admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(1))).all().get();

            try (GroupOffsets offsets = new GroupOffsets(Map.of("bootstrap.servers", bootstrap), group)) {
                Map<TopicPartition, Long> committed = offsets.committed(List.of(partition));
                assertEquals(Map.of(partition, 1L), committed);
                assertEquals(4L, awaitLastStable(offsets, partition, 4L));
                assertFalse(offsets.hasRecordsToRead(Map.of(partition, 3L), committed),
                        "a commit marker, an aborted record and an abort marker are nothing to read");

                try (KafkaProducer<String, String> producer = transactional(bootstrap)) {
                    producer.initTransactions();
                    producer.beginTransaction();
                    producer.send(new ProducerRecord<>(topic, "k", "waiting")).get();
                    producer.commitTransaction(); // offsets 4 (record), 5 (marker)
                }
                assertEquals(6L, awaitLastStable(offsets, partition, 6L));
                assertTrue(offsets.hasRecordsToRead(Map.of(partition, 5L), committed), "a committed record waits at offset 4");
                assertEquals(Map.of(), offsets.committed(List.of(new TopicPartition(topic + "-other", 0))),
                        "only the partitions asked for");
            }
        }
    }

    /**
     * The last stable offset once it has reached {@code expected} (or what it is after 15 s): the
     * transaction markers are written after commitTransaction/abortTransaction return, so the last
     * stable offset follows a moment later (a fresh-clone run read 4 where 6 was coming).
     */
    private static long awaitLastStable(GroupOffsets offsets, TopicPartition partition, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        long stable = offsets.lastStable(List.of(partition)).get(partition);
        while (stable < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            stable = offsets.lastStable(List.of(partition)).get(partition);
        }
        return stable;
    }

    private static KafkaProducer<String, String> transactional(String bootstrap) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "transactional.id", "stall-watch-" + UUID.randomUUID(),
                "key.serializer", StringSerializer.class, "value.serializer", StringSerializer.class));
    }
}
