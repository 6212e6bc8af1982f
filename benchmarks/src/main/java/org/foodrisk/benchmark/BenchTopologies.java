package org.foodrisk.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.foodrisk.kafka.Json;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.runtime.KafkaClientConfig;
import org.foodrisk.topics.Topics;
import org.foodrisk.topology.FoodRiskTopology;
import org.foodrisk.topology.TopologySettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/** The two topologies the end-to-end benchmark compares, and the Kafka Streams settings they share. */
final class BenchTopologies {

    private BenchTopologies() {
    }

    /** The app's own topology, built as the app builds it, with the bundled plan catalog. */
    static Topology full() {
        return FoodRiskTopology.build(TopologySettings.defaults(), PlanCatalog.bundled());
    }

    /**
     * The floor any Kafka Streams app on these inputs pays: read the four input topics, parse the
     * JSON (Jackson tree, as the app's intake does before validating), write it back to one output
     * topic. No state, no repartition.
     */
    static Topology passThrough() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<byte[], byte[]> merged = null;
        for (String topic : Topics.INPUTS) {
            KStream<byte[], byte[]> in = builder.stream(topic,
                    Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("source-" + topic));
            merged = merged == null ? in : merged.merge(in, Named.as("merge-" + topic));
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

    /**
     * The app's Kafka Streams settings, as {@code runtime/KafkaRuntime#streamsProperties} sets them
     * for the embedded broker (keep the two in step): exactly-once v2 (commit interval 100 ms, the
     * Kafka Streams default under EOS), one stream thread, replication factor 1, 128 KiB partition
     * fetches, 10 MiB record cache, 5 MiB producer requests. Both benchmarked topologies use them.
     */
    static Properties streamsProperties(KafkaClientConfig kafka, String applicationId, Path stateDir) {
        Properties props = new Properties();
        props.putAll(kafka.asMap());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 10_000);
        props.put(StreamsConfig.mainConsumerPrefix("max.partition.fetch.bytes"), 131_072);
        props.put(StreamsConfig.producerPrefix("max.request.size"), 5 * 1024 * 1024);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 10 * 1024 * 1024L);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return props;
    }
}
