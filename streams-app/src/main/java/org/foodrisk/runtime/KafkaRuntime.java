package org.foodrisk.runtime;

import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.foodrisk.plan.PlanCatalog;

/**
 * What the rest of the service needs of Kafka, in one bean: the running Kafka Streams, the client
 * configuration, this instance's address. Made eagerly at startup, it brings Kafka up in the order that
 * works, each step a bean of its own that the next one depends on: the {@link EmbeddedBroker} when no
 * cluster is configured, the {@link KafkaClientConfig}, then {@link FoodRiskStreams}, which provisions
 * the topics ({@link TopicBootstrap}) and publishes the bundled plans ({@link PlanPublisher}) before it
 * starts. The context closes them in reverse, dependents first (Ctrl-C included; see
 * {@code Application.main} for the broker).
 */
@Context
@Singleton
public class KafkaRuntime {

    private final FoodRiskSettings settings;
    private final PlanCatalog catalog;
    private final KafkaClientConfig kafka;
    private final FoodRiskStreams streams;
    private final boolean embeddedBroker;

    KafkaRuntime(FoodRiskSettings settings, PlanCatalog catalog, KafkaClientConfig kafka, FoodRiskStreams streams,
                 @Nullable EmbeddedBroker embedded) {
        this.settings = settings;
        this.catalog = catalog;
        this.kafka = kafka;
        this.streams = streams;
        this.embeddedBroker = embedded != null;
    }

    public KafkaStreams streams() {
        return streams.streams();
    }

    /** Calls the listener on every later state change of Kafka Streams (on a Kafka Streams thread). */
    public void onStateChange(KafkaStreams.StateListener listener) {
        streams.onStateChange(listener);
    }

    /** host:port of this instance's HTTP API, as advertised to the other instances. */
    public String self() {
        return streams.applicationServer();
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
        return embeddedBroker;
    }
}
