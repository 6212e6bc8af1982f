package org.foodrisk.benchmark.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.kafka.Json;
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.runtime.KafkaClientConfig;
import org.foodrisk.runtime.StreamsProperties;
import org.foodrisk.topic.Topic;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.topology.DeadLetterTopic;
import org.foodrisk.topology.FoodRiskTopology;
import org.foodrisk.topology.TopologySettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The service's topology exactly as deployed — production defaults, the bundled plans — in a
 * TopologyTestDriver: no broker, one record at a time, every output written before the next input.
 *
 * <p>The driver's wall clock is fixed at {@code wallClock} and never advanced, so no wall-clock
 * punctuation runs (overdue marks, the idle input's clock tick) and the figures depend on the data
 * alone. It must lie after every arrival: the intake takes min(record timestamp, wall clock) as the
 * publication time and refuses event times after it.
 */
final class TopologyUnderTest implements AutoCloseable {

    private final Path stateDir;
    private final TopologyTestDriver driver;
    private final Map<String, TestInputTopic<String, String>> inputs = new HashMap<>();
    private final TestOutputTopic<String, String> alerts;
    private final TestOutputTopic<String, String> deadLetters;
    private final List<String> deadLetterKeysAndReasons = new ArrayList<>();

    TopologyUnderTest(String applicationId, Instant wallClock, TopologySettings settings) {
        try {
            stateDir = Files.createTempDirectory("foodrisk-deployed-eval-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The app's Kafka Streams properties (a TopologyTestDriver connects to nothing: the servers are a
        // placeholder), with a state directory of this evaluation's own.
        Properties props = StreamsProperties.shared(new KafkaClientConfig("unused:9092", Map.of()), applicationId,
                OutputCounters.NONE);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(FoodRiskTopology.build(settings, PlanCatalog.bundled()),
                props, wallClock);
        // As text: the demo's records are JSON text, and the outputs are read as text on purpose (ObservedAlert
        // parses the alerts' JSON tree, describeDeadLetter keeps what it cannot parse).
        for (Topic<byte[], byte[]> raw : TypedTopics.INPUTS) {
            Topic<String, String> topic = raw.asText();
            inputs.put(topic.name(), driver.createInputTopic(topic.name(), topic.keySerde().serializer(),
                    topic.valueSerde().serializer()));
        }
        Topic<String, String> alertsTopic = TypedTopics.ALERTS.asText();
        alerts = driver.createOutputTopic(alertsTopic.name(), alertsTopic.keySerde().deserializer(),
                alertsTopic.valueSerde().deserializer());
        Topic<String, String> deadLettersTopic = DeadLetterTopic.DEAD_LETTERS.asText();
        deadLetters = driver.createOutputTopic(deadLettersTopic.name(), deadLettersTopic.keySerde().deserializer(),
                deadLettersTopic.valueSerde().deserializer());
    }

    /** Publishes one record at its arrival time; returns the alert versions its processing wrote. */
    List<ObservedAlert> publish(DemoRecord record) {
        TestInputTopic<String, String> input = inputs.get(record.topic());
        if (input == null) {
            throw new IllegalArgumentException("not an input topic: " + record.topic());
        }
        input.pipeInput(record.key(), record.json(), record.arrivalTime());
        for (String value : deadLetters.readValuesToList()) {
            deadLetterKeysAndReasons.add(describeDeadLetter(value));
        }
        if (alerts.isEmpty()) {
            return List.of();
        }
        List<ObservedAlert> written = new ArrayList<>();
        for (String value : alerts.readValuesToList()) {
            written.add(ObservedAlert.parse(value, record.arrivalTime()));
        }
        return written;
    }

    /** Records refused by the intake so far, as "key: reason" (planted records must never be among them). */
    List<String> deadLetters() {
        return List.copyOf(deadLetterKeysAndReasons);
    }

    private static String describeDeadLetter(String json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            return node.path("key").asText("?") + ": " + node.path("reason").asText("");
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            deleteQuietly(stateDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the OS cleans it up if we cannot
        }
    }
}
