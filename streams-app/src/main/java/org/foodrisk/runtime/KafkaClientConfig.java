package org.foodrisk.runtime;

import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka client properties every client of the service shares: the bootstrap servers and
 * whatever security settings the operator gave (foodrisk.client-properties.*, e.g.
 * security.protocol=SASL_SSL, sasl.mechanism=SCRAM-SHA-512, ssl.truststore.location …), so that
 * the admin client, the producers and Kafka Streams all reach a secured cluster the same way.
 */
public record KafkaClientConfig(String bootstrapServers, Map<String, String> securityProperties) {

    public Map<String, Object> asMap() {
        Map<String, Object> config = new HashMap<>(securityProperties);
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }
}
