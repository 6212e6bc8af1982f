package org.foodrisk.runtime;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.operations.StreamThreadFailures;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.topology.FoodRiskTopology;
import org.foodrisk.topology.TopologySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Properties;
import org.foodrisk.topics.Topics;
import org.foodrisk.topology.InputBacklog;

/**
 * Owns the service's Kafka Streams: makes it once its topics exist and the bundled plans are on their
 * topic, starts it, and closes it when the context closes.
 */
@Singleton
public class FoodRiskStreams {

    private static final Logger LOG = LoggerFactory.getLogger(FoodRiskStreams.class);

    private final String applicationId;
    private final String bootstrapServers;
    private final String applicationServer;
    private final KafkaStreams streams;
    private final List<KafkaStreams.StateListener> stateListeners = new CopyOnWriteArrayList<>();

    /**
     * @param embedded   the embedded broker, null when a cluster is configured; a dependency also so that
     *                   the context, which destroys dependents first, closes Kafka Streams before the broker
     *                   (an {@code Optional} would not count as one)
     * @param httpPort   the port of this instance's HTTP API, which other instances forward queries to
     */
    FoodRiskStreams(FoodRiskSettings settings, KafkaClientConfig kafka, @Nullable EmbeddedBroker embedded,
                    TopicBootstrap topics, PlanPublisher plans, PlanCatalog catalog, TopologySettings topologySettings,
                    @Value("${micronaut.server.port:8080}") int httpPort,
                    @Nullable OutputCounters counters, StreamThreadFailures threadFailures) throws Exception {
        this.applicationId = settings.applicationId();
        this.bootstrapServers = kafka.bootstrapServers();
        this.applicationServer = settings.advertisedHost() + ":" + httpPort;
        // Kafka Streams fails on a missing source topic; the plan-catalog store starts from the plans' topic.
        int inputTasks = topics.provision(topologySettings.exchange().mirroredTopics());
        plans.publishMissing();
        // Stages close days on the smallest clock of all input tasks: they must know how many there are.
        LOG.info("Input tasks (partitions of the input topics) whose clocks close days: {}", inputTasks);
        OutputCounters outputCounters = counters == null ? OutputCounters.NONE : counters;
        Topology topology = FoodRiskTopology.build(
                topologySettings.with(topologySettings.time().withUpstreamTasks(inputTasks)), catalog,
                outputCounters);
        LOG.debug("Topology:\n{}", topology.describe());
        Properties properties = StreamsProperties.forService(kafka, settings, applicationServer,
                embedded != null, outputCounters);
        // The input tasks tick the wall clock only when idle with nothing left to read (InputBacklog).
        InputLag inputLag = new InputLag(Topics.INPUTS);
        properties.put(InputBacklog.CONFIG, inputLag);
        streams = new KafkaStreams(topology, properties);
        inputLag.watch(streams);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Kafka Streams thread failed; replacing it", e);
            threadFailures.record(e, Instant.now());
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        // One listener may be set, and only before start: it fans out to whoever asks later.
        streams.setStateListener((now, before) -> stateListeners.forEach(listener -> listener.onChange(now, before)));
    }

    @PostConstruct
    void start() {
        streams.start();
        LOG.info("Kafka Streams application '{}' started against {}", applicationId, bootstrapServers);
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Calls the listener on every later state change of Kafka Streams (on a Kafka Streams thread). */
    public void onStateChange(KafkaStreams.StateListener listener) {
        stateListeners.add(listener);
    }

    /** host:port of this instance's HTTP API, as advertised to the other instances. */
    public String applicationServer() {
        return applicationServer;
    }

    @PreDestroy
    void close() {
        LOG.info("Stopping Kafka Streams");
        streams.close(Duration.ofSeconds(30));
    }
}
