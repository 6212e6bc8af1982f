package org.foodrisk.testsupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.foodrisk.broker.LocalKraftBroker;
import org.foodrisk.topic.Topic;
import org.foodrisk.topic.TypedTopics;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The real Kafka broker of the integration tests, one per test JVM: a Testcontainers Kafka
 * container where a Docker engine is available, otherwise a single-node KRaft broker started
 * from the Kafka jars ({@link LocalKraftBroker}). The same tests run on either; neither is a mock.
 */
public final class TestKafka {

    private static String bootstrapServers;
    private static LocalKraftBroker localBroker;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = dockerAvailable() ? startContainer() : startLocalBroker();
        }
        return bootstrapServers;
    }

    /** The local broker, when the tests run on it (null under Testcontainers). */
    public static synchronized LocalKraftBroker localBroker() {
        bootstrapServers();
        return localBroker;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable noDocker) {
            return false;
        }
    }

    private static String startContainer() {
        KafkaContainer container = new KafkaContainer("apache/kafka-native:4.1.0");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return container.getBootstrapServers();
    }

    private static String startLocalBroker() {
        try {
            Path dir = Files.createTempDirectory("foodrisk-test-broker");
            localBroker = LocalKraftBroker.start(dir, 0, Duration.ofSeconds(90));
            Runtime.getRuntime().addShutdownHook(new Thread(localBroker::close));
            return localBroker.bootstrapServers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes one sampling result as a lab would (JSON text, keyed by its sampleId), acknowledged by the broker. */
    public static void publishSamplingResult(String sampleId, String json) throws Exception {
        Topic<String, String> samplingResults = TypedTopics.SAMPLING_RESULTS.asText();
        try (KafkaProducer<String, String> producer = samplingResults.producer(Map.of(
                "bootstrap.servers", bootstrapServers(), "acks", "all", "enable.idempotence", true))) {
            producer.send(samplingResults.record(sampleId, json)).get();
        }
    }
}
