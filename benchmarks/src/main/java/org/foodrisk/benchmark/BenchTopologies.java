package org.foodrisk.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.foodrisk.kafka.Json;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.runtime.KafkaClientConfig;
import org.foodrisk.runtime.StreamsProperties;
import org.foodrisk.topic.Topic;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.topology.FoodRiskTopology;
import org.foodrisk.topology.SettingsOverrides;
import org.foodrisk.topology.TopologySettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** The two topologies the end-to-end benchmark compares, and the Kafka Streams settings they share. */
final class BenchTopologies {

    private BenchTopologies() {
    }

    /** The app's own topology, built as the app builds it, with the bundled plan catalog. */
    static Topology full() {
        return full(Map.of());
    }

    /** With detector settings as the service takes them ({@code foodrisk.detect.*} without the prefix). */
    static Topology full(Map<String, Object> detect) {
        return FoodRiskTopology.build(SettingsOverrides.apply(TopologySettings.defaults(), detect), PlanCatalog.bundled());
    }

    /**
     * The floor any Kafka Streams app on these inputs pays: read the four input topics, parse the
     * JSON (Jackson tree, as the app's intake does before validating), write it back to one output
     * topic. No state, no repartition.
     */
    static Topology passThrough() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<byte[], byte[]> merged = null;
        for (Topic<byte[], byte[]> topic : TypedTopics.INPUTS) {
            KStream<byte[], byte[]> in = builder.stream(topic.name(), topic.consumed("source-" + topic.name()));
            merged = merged == null ? in : merged.merge(in, Named.as("merge-" + topic.name()));
        }
        merged.mapValues(BenchTopologies::reparse, Named.as("parse-json"))
                .to(BenchCluster.PASS_THROUGH_OUTPUT,
                        Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("sink-pass-through"));
        return builder.build();
    }

    private static byte[] reparse(byte[] value) {
        try {
            JsonNode tree = Json.MAPPER.readTree(value);
            return Json.MAPPER.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // generated input is always valid JSON
        }
    }

    /** How a run's Kafka Streams settings are made: the app's, or the tuned pass-through's. */
    @FunctionalInterface
    interface Settings {
        Properties of(KafkaClientConfig kafka, String applicationId, Path stateDir);
    }

    /**
     * The baseline's settings (issue 18: "a bare exactly-once pass-through tuned as a user would tune it"):
     * exactly-once as the app, nothing else of the app's. What a Kafka engineer sets for a replay: a
     * commit every second rather than every 100 ms (each commit ends a transaction: markers, an offsets
     * write, a producer flush), producer batches of 512 KiB lingering 20 ms and compressed with lz4 like the
     * topics (the broker then stores the batches as sent instead of recompressing them), the consumer's
     * default 1 MiB partition fetches (the app's 128 KiB are for its stream time, which a pass-through
     * does not have) and up to 2,000 records a poll. {@code threads} stream threads: one per core is the
     * usual start; the benchmark reports what it used.
     */
    static Properties passThroughProperties(KafkaClientConfig kafka, String applicationId, Path stateDir, int threads) {
        Properties props = new Properties();
        props.putAll(kafka.asMap());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1_000);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 512 * 1024);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 2_000);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        StreamsProperties.forSingleBroker(props);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        return props;
    }

    /**
     * The app's Kafka Streams settings ({@link StreamsProperties#shared}, with what the embedded broker
     * adds: replication factor 1, a 10 s session timeout), so that both benchmarked topologies run as the
     * app runs them on its local broker. Set on top, for the benchmark's sake: a state directory per run
     * (a run must not restore the stores of the one before), and one stream thread even should the
     * service's default change, so that figures of different days compare.
     */
    static Properties streamsProperties(KafkaClientConfig kafka, String applicationId, Path stateDir) {
        Properties props = StreamsProperties.shared(kafka, applicationId, OutputCounters.NONE);
        StreamsProperties.forSingleBroker(props);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        return props;
    }
}
