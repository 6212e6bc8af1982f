package org.foodrisk.runtime;

import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * foodrisk.client-properties.* reach Kafka under Kafka's own names, whichever way the operator
 * gives them: as environment variables (Micronaut's environment convention, as in production),
 * as command-line arguments or yml keys.
 */
class ClientPropertiesTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"app\" password=\"pw\";";

    @Test
    void environmentVariablesBecomeKafkaPropertyNames() {
        PropertySourcePropertyResolver resolver = new PropertySourcePropertyResolver(PropertySource.of("env", Map.of(
                "FOODRISK_CLIENT_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL",
                "FOODRISK_CLIENT_PROPERTIES_SASL_JAAS_CONFIG", JAAS,
                "FOODRISK_CLIENT_PROPERTIES_SSL_TRUSTSTORE_LOCATION", "/etc/foodrisk/truststore.p12",
                "FOODRISK_HTTP_PORT", "8080"), PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE));
        assertEquals(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.location", "/etc/foodrisk/truststore.p12"), ClientProperties.read(resolver));
    }

    @Test
    void dottedKeysKeepTheirDots() {
        PropertySourcePropertyResolver resolver = new PropertySourcePropertyResolver(PropertySource.of("args", Map.of(
                "foodrisk.client-properties.security.protocol", "SSL",
                "foodrisk.client-properties.ssl.keystore.location", "/etc/foodrisk/app.p12",
                "foodrisk.client-properties.session.timeout.ms", 6000,
                "foodrisk.bootstrap-servers", "kafka:9093")));
        assertEquals(Map.of(
                "security.protocol", "SSL",
                "ssl.keystore.location", "/etc/foodrisk/app.p12",
                "session.timeout.ms", "6000"), ClientProperties.read(resolver));
    }

    @Test
    void noneGivenIsEmpty() {
        assertEquals(Map.of(), ClientProperties.read(new PropertySourcePropertyResolver(PropertySource.of("empty", Map.of()))));
    }
}
