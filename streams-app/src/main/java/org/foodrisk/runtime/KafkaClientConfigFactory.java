package org.foodrisk.runtime;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/** Where the service's Kafka clients connect: the embedded broker when there is one, the configured cluster otherwise. */
@Factory
class KafkaClientConfigFactory {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaClientConfigFactory.class);

    @Singleton
    KafkaClientConfig kafkaClientConfig(FoodRiskSettings settings, Optional<EmbeddedBroker> embedded,
                                        Environment environment) {
        // The embedded broker is PLAINTEXT: the operator's security properties are for a real cluster.
        KafkaClientConfig kafka = embedded
                .map(broker -> new KafkaClientConfig(broker.bootstrapServers(), Map.of()))
                .orElseGet(() -> new KafkaClientConfig(settings.bootstrapServers(), ClientProperties.read(environment)));
        // Names only: the values hold the SASL JAAS configuration and the store passwords.
        LOG.info("Kafka clients use {} with client properties {}", kafka.bootstrapServers(), kafka.securityProperties().keySet());
        return kafka;
    }
}
