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
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.runtime.KafkaClientConfig;
import org.foodrisk.runtime.StreamsProperties;
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
