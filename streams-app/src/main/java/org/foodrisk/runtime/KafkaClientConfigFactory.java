package org.foodrisk.runtime;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** Where the service's Kafka clients connect: the embedded broker when there is one, the configured cluster otherwise. */
@Factory
class KafkaClientConfigFactory {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaClientConfigFactory.class);

    /** @param embedded the embedded broker, null when a cluster is configured (a dependency: see {@link FoodRiskStreams}) */
    @Singleton
    KafkaClientConfig kafkaClientConfig(FoodRiskSettings settings, @Nullable EmbeddedBroker embedded,
                                        Environment environment) {
        // The embedded broker is PLAINTEXT: the operator's security properties are for a real cluster.
        KafkaClientConfig kafka = embedded != null
                ? new KafkaClientConfig(embedded.bootstrapServers(), Map.of())
                : new KafkaClientConfig(settings.bootstrapServers(), ClientProperties.read(environment));
        // Names only: the values hold the SASL JAAS configuration and the store passwords.
        LOG.info("Kafka clients use {} with client properties {}", kafka.bootstrapServers(), kafka.securityProperties().keySet());
        return kafka;
    }
}
