package org.foodrisk.runtime;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.foodrisk.broker.LocalKraftBroker;
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.operations.StreamThreadFailures;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.topics.ProvisionReport;
import org.foodrisk.topics.TopicCatalogue;
import org.foodrisk.topics.TopicProvisioner;
import org.foodrisk.topics.TopicSpec;
import org.foodrisk.topology.FoodRiskTopology;
import org.foodrisk.topology.TopologySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Brings Kafka up in the order that works: the embedded broker when no cluster is configured,
 * then the topics from the catalogue (Kafka Streams fails on a missing source topic), then the
 * bundled plans, then the topology. Closes in reverse on shutdown (Ctrl-C included).
 */
@Context
@Singleton
public class KafkaRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRuntime.class);

    private final FoodRiskSettings settings;
    private final PlanCatalog catalog;
    private final LocalKraftBroker broker;
    private volatile boolean brokerClosedLater;
    private final KafkaClientConfig kafka;
    private final KafkaStreams streams;

    private final String self;
    private final List<KafkaStreams.StateListener> stateListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public KafkaRuntime(FoodRiskSettings settings, PlanCatalog catalog, TopologySettings topologySettings,
                        @Value("${micronaut.server.port:8080}") int httpPort,
                        @Nullable OutputCounters counters, StreamThreadFailures threadFailures,
                        io.micronaut.context.env.Environment environment) throws Exception {
        this.settings = settings;
        // Other instances forward queries for keys this instance owns to this address.
        this.self = settings.advertisedHost() + ":" + httpPort;
        this.catalog = catalog;
        Map<String, String> security = ClientProperties.read(environment);
        if (settings.embedded()) {
            broker = LocalKraftBroker.start(Path.of(settings.dataDir(), "kafka"), settings.embeddedPort(), Duration.ofSeconds(90));
            kafka = new KafkaClientConfig(broker.bootstrapServers(), Map.of());
        } else {
            broker = null;
            kafka = new KafkaClientConfig(settings.bootstrapServers(), security);
        }
        // Names only: the values hold the SASL JAAS configuration and the store passwords.
        LOG.info("Kafka clients use {} with client properties {}", kafka.bootstrapServers(), kafka.securityProperties().keySet());
        int inputTasks = provisionTopics();
        PlanPublisher.publishMissing(kafka, List.copyOf(catalog.plans()));
        // Stages close days on the smallest clock of all input tasks: they must know how many there are.
        LOG.info("Input tasks (partitions of the input topics) whose clocks close days: {}", inputTasks);
        OutputCounters outputCounters = counters == null ? OutputCounters.NONE : counters;
        Topology topology = FoodRiskTopology.build(
                topologySettings.withTime(topologySettings.time().withUpstreamTasks(inputTasks)), catalog,
                outputCounters);
        LOG.debug("Topology:\n{}", topology.describe());
        streams = new KafkaStreams(topology,
                StreamsProperties.forService(kafka, settings, self, broker != null, outputCounters));
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Kafka Streams thread failed; replacing it", e);
            threadFailures.record(e, java.time.Instant.now());
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        // One listener may be set, and only before start: it fans out to whoever asks later.
        streams.setStateListener((now, before) -> stateListeners.forEach(listener -> listener.onChange(now, before)));
        streams.start();
        LOG.info("Kafka Streams application '{}' started against {}", settings.applicationId(), kafka.bootstrapServers());
    }

    /** Provisions the catalogue's topics; returns the input tasks there will be (the input topics' most partitions). */
    private int provisionTopics() throws Exception {
        List<TopicSpec> specs = TopicCatalogue.load();
        try (Admin admin = Admin.create(kafka.asMap())) {
            TopicProvisioner provisioner = new TopicProvisioner(admin);
            ProvisionReport report = provisioner.provision(specs);
            LOG.info("Topics provisioned: {}", report);
            provisioner.awaitReady(specs.stream().map(TopicSpec::name).toList(), Duration.ofSeconds(60));
            List<String> inputs = java.util.Arrays.stream(org.foodrisk.ingest.InputTopic.values())
                    .map(org.foodrisk.ingest.InputTopic::topic).toList();
            return admin.describeTopics(inputs).allTopicNames().get(60, java.util.concurrent.TimeUnit.SECONDS).values()
                    .stream().mapToInt(d -> d.partitions().size()).max().orElse(1);
        }
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Calls the listener on every later state change of Kafka Streams (on a Kafka Streams thread). */
    public void onStateChange(KafkaStreams.StateListener listener) {
        stateListeners.add(listener);
    }

    /** host:port of this instance's HTTP API, as advertised to the other instances. */
    public String self() {
        return self;
    }

    /** The Kafka Streams application.id: the consumer group and the prefix of internal topics. */
    public String applicationId() {
        return settings.applicationId();
    }

    public KafkaClientConfig kafka() {
        return kafka;
    }

    public PlanCatalog catalog() {
        return catalog;
    }

    public boolean embeddedBroker() {
        return broker != null;
    }

    /**
     * Leaves the local broker running when this bean is destroyed, for {@link #closeBroker()} after the
     * whole application context (issue 16): Micronaut destroys beans in no order the application controls,
     * and this bean went before the live feed's consumer and the HTTP producers, which then logged a burst
     * of connection warnings while they closed against a stopped broker.
     */
    public void closeBrokerLater() {
        this.brokerClosedLater = true;
    }

    /** Stops the local broker, if there is one (and it is still running). */
    public void closeBroker() {
        if (broker != null) {
            LOG.info("Stopping the local broker");
            broker.close();
        }
    }

    @PreDestroy
    @Override
    public void close() {
        LOG.info("Stopping Kafka Streams{}", broker != null && !brokerClosedLater ? " and the local broker" : "");
        streams.close(Duration.ofSeconds(30));
        if (!brokerClosedLater) {
            closeBroker();
        }
    }
}
