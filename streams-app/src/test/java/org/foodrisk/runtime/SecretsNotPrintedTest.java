package org.foodrisk.runtime;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client configuration carries Kafka client secrets; printing it names them but never shows their values. */
class SecretsNotPrintedTest {

    private static final String SECRET = "s3cret-value-42";

    @Test
    void clientConfigNamesTheSecurityPropertiesWithoutTheirValues() {
        KafkaClientConfig config = new KafkaClientConfig("kafka:9093", Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"app\" password=\""
                        + SECRET + "\";",
                "ssl.truststore.password", SECRET));
        String printed = config.toString();
        assertFalse(printed.contains(SECRET), printed);
        assertFalse(printed.contains("SASL_SSL"), "no value is shown, secret or not: " + printed);
        assertTrue(printed.contains("ssl.truststore.password") && printed.contains("kafka:9093"), printed);
        assertTrue(config.asMap().get("sasl.jaas.config").toString().contains(SECRET), "the clients still get the values");
    }
}
