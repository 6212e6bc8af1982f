package org.foodrisk.runtime;

import io.micronaut.core.value.PropertyResolver;

import java.util.Map;
import java.util.TreeMap;

/**
 * The operator's Kafka client properties, {@code foodrisk.client-properties.<kafka property>},
 * as Kafka names them (security.protocol, sasl.jaas.config, ssl.truststore.location …), from any
 * source: application.yml, {@code --foodrisk.client-properties.security.protocol=SASL_SSL}, or the
 * environment variable {@code FOODRISK_CLIENT_PROPERTIES_SECURITY_PROTOCOL=SASL_SSL}.
 *
 * <p>Read from the resolved properties rather than bound to a {@code Map} field of
 * {@link FoodRiskSettings}, because that binding splits keys at their dots: security.protocol
 * arrived as {@code security → {protocol=SASL_SSL}}, a property Kafka does not know, so no client
 * was ever secured. And Micronaut offers an environment variable under every way of joining its
 * words with '.' or '-' (security.protocol and security-protocol): Kafka's property names never
 * contain '-', so those spellings are dropped.
 */
public final class ClientProperties {

    public static final String PREFIX = "foodrisk.client-properties";

    private ClientProperties() {
    }

    public static Map<String, String> read(PropertyResolver resolver) {
        Map<String, String> properties = new TreeMap<>();
        resolver.getProperties(PREFIX).forEach((key, value) -> {
            if (!key.contains("-") && value != null) {
                properties.put(key, value.toString());
            }
        });
        return properties;
    }
}
