package org.foodrisk.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Kafka client properties every client of the service shares: the bootstrap servers and
 * whatever security settings the operator gave (foodrisk.client-properties.*, e.g.
 * security.protocol=SASL_SSL, sasl.mechanism=SCRAM-SHA-512, ssl.truststore.location …), so that
 * the admin client, the producers and Kafka Streams all reach a secured cluster the same way.
 */
public record KafkaClientConfig(String bootstrapServers, Map<String, String> securityProperties) {

    /**
     * For a producer whose "sent" must mean durable and never doubled: acknowledged by all in-sync
     * replicas, idempotent. Every producer of the service outside Kafka Streams uses it.
     *
     * @param clientId what the producer is for ("foodrisk-summaries" …): broker logs, quotas and
     *                 the producer's own warnings name it instead of "producer-4"
     */
    public Map<String, Object> durableProducer(String clientId) {
        Map<String, Object> config = asMap();
        config.put("client.id", clientId);
        config.put("acks", "all");
        config.put("enable.idempotence", true);
        return config;
    }

    public Map<String, Object> asMap() {
        Map<String, Object> config = new HashMap<>(securityProperties);
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    /** The keys only: the values of security properties are secrets (JAAS config, store passwords). */
    @Override
    public String toString() {
        return "KafkaClientConfig[bootstrapServers=" + bootstrapServers + ", securityProperties="
                + new TreeSet<>(securityProperties.keySet()) + " (values hidden)]";
    }
}
