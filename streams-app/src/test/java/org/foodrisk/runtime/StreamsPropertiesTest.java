package org.foodrisk.runtime;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.topology.DeadLetteringProductionHandler;
import org.foodrisk.topology.RecordSizes;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.foodrisk.alert.Alert;
import org.foodrisk.topology.DeadLetter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Kafka Streams properties the service, the test drivers and the benchmarks share. */
class StreamsPropertiesTest {

    private static final KafkaClientConfig SECURED = new KafkaClientConfig("kafka:9093",
            Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512"));

    private static FoodRiskSettings settings(String bootstrapServers) {
        return new FoodRiskSettings(bootstrapServers, "data-dir", "foodrisk-test", null, Duration.ofSeconds(1),
                9092, 3, "localhost");
    }

    @Test
    void sharedRunsExactlyOnceV2OnTheGivenClusterWithItsSecurity() {
        Properties props = StreamsProperties.shared(SECURED, "app", OutputCounters.NONE);
        StreamsConfig config = new StreamsConfig(props);
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals("app", config.getString(StreamsConfig.APPLICATION_ID_CONFIG));
        assertEquals("kafka:9093", props.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertEquals("SASL_SSL", props.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
    }

    @Test
    void outputThatCannotBeWrittenBecomesADeadLetterCountedWhereAsked() {
        OutputCounters counters = new OutputCounters() {
            @Override
            public void alert(Alert alert) {
            }

            @Override
            public void deadLetter(DeadLetter deadLetter) {
            }
        };
        Properties props = StreamsProperties.shared(SECURED, "app", counters);
        assertEquals(DeadLetteringProductionHandler.class,
                new StreamsConfig(props).getClass(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG));
        assertSame(counters, props.get(DeadLetteringProductionHandler.COUNTERS_CONFIG));
    }

    @Test
    void sharedCarriesTheSizesAndTheRebalanceAndGlobalThreadSettings() {
        Properties props = StreamsProperties.shared(SECURED, "app", OutputCounters.NONE);
        StreamsConfig config = new StreamsConfig(props);
        assertEquals(131_072, props.get(StreamsConfig.mainConsumerPrefix("max.partition.fetch.bytes")));
        assertEquals(RecordSizes.DEAD_LETTER_MAX_MESSAGE_BYTES, props.get(StreamsConfig.producerPrefix("max.request.size")));
        assertEquals(String.valueOf(RecordSizes.TOPIC_MAX_MESSAGE_BYTES), props.get(StreamsConfig.topicPrefix("max.message.bytes")));
        assertEquals(10 * 1024 * 1024L, config.getLong(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG));
        assertEquals(60_000L, config.getLong(StreamsConfig.PROBING_REBALANCE_INTERVAL_MS_CONFIG));
        assertEquals(BoundedRocksDb.class, config.getClass(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG));
        assertTrue(config.getBoolean(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG));
        assertEquals(true, props.get(StreamsConfig.mainConsumerPrefix(
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG)));
    }

    /** Issue 18: a commit a second and batched, lz4-compressed output, as the replay benchmark measured them. */
    @Test
    void sharedCommitsEverySecondAndBatchesItsOutputCompressedAsTheTopicsAreStored() {
        Properties props = StreamsProperties.shared(SECURED, "app", OutputCounters.NONE);
        StreamsConfig config = new StreamsConfig(props);
        assertEquals(1_000L, config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
        Map<String, Object> producer = config.getProducerConfigs("client");
        assertEquals("lz4", producer.get(ProducerConfig.COMPRESSION_TYPE_CONFIG));
        assertEquals(20, producer.get(ProducerConfig.LINGER_MS_CONFIG));
        assertEquals(64 * 1024, producer.get(ProducerConfig.BATCH_SIZE_CONFIG));
    }

    /**
     * The producer of a task writes to every changelog and repartition partition of its tasks: its buffer pool must
     * hold an open batch for each of several hundred of them, or sends wait for memory (seen at 512 KiB batches).
     */
    @Test
    void theProducersBufferPoolHoldsABatchForEveryPartitionAThreadWrites() {
        StreamsConfig config = new StreamsConfig(StreamsProperties.shared(SECURED, "app", OutputCounters.NONE));
        Map<String, Object> settings = new HashMap<>(config.getProducerConfigs("client"));
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        ProducerConfig producer = new ProducerConfig(settings);
        long batches = producer.getLong(ProducerConfig.BUFFER_MEMORY_CONFIG) / producer.getInt(ProducerConfig.BATCH_SIZE_CONFIG);
        assertTrue(batches >= 400, "the buffer pool holds " + batches + " batches");
    }

    @Test
    void theServiceKeepsItsStateUnderTheDataDirAndAdvertisesItsHttpAddress() {
        Properties props = StreamsProperties.forService(SECURED, settings("kafka:9093"), "app-1:8080", false,
                OutputCounters.NONE);
        StreamsConfig config = new StreamsConfig(props);
        assertEquals("foodrisk-test", config.getString(StreamsConfig.APPLICATION_ID_CONFIG));
        assertEquals(Path.of("data-dir", "streams").toAbsolutePath().toString(),
                config.getString(StreamsConfig.STATE_DIR_CONFIG));
        assertEquals(3, config.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
        assertEquals("app-1:8080", config.getString(StreamsConfig.APPLICATION_SERVER_CONFIG));
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        // A real cluster keeps Kafka's replication factor and session timeout.
        assertFalse(props.containsKey(StreamsConfig.REPLICATION_FACTOR_CONFIG));
        assertFalse(props.containsKey(StreamsConfig.consumerPrefix("session.timeout.ms")));
    }

    @Test
    void aRandomHttpPortIsNotAdvertised() {
        for (String self : new String[]{"localhost:0", "localhost:-1"}) {
            Properties props = StreamsProperties.forService(SECURED, settings("kafka:9093"), self, false,
                    OutputCounters.NONE);
            assertFalse(props.containsKey(StreamsConfig.APPLICATION_SERVER_CONFIG), self);
        }
    }

    @Test
    void aSingleBrokerHoldsOneReplicaAndNoticesALostMemberSooner() {
        Properties props = StreamsProperties.forService(SECURED, settings(null), "localhost:8080", true,
                OutputCounters.NONE);
        assertEquals(1, new StreamsConfig(props).getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG));
        assertEquals(10_000, props.get(StreamsConfig.consumerPrefix("session.timeout.ms")));
    }
}
