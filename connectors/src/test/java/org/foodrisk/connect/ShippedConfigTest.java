package org.foodrisk.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.junit.jupiter.api.Test;

/** The files of connectors/config/ are valid for the worker and the connectors. */
class ShippedConfigTest {

    private static Map<String, String> properties(String name) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("config", name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    private static Map<String, String> json(String name) throws Exception {
        JsonNode n = DeadLetters.JSON.readTree(Path.of("config", name).toFile());
        Map<String, String> m = new HashMap<>();
        n.get("config").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        m.put("name", n.get("name").asText());
        return m;
    }

    private static void assertValid(Connector connector, Map<String, String> config) {
        List<String> errors = connector.validate(config).configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty())
                .map(v -> v.name() + ": " + v.errorMessages())
                .toList();
        assertEquals(List.of(), errors);
        List<ConfigValue> values = connector.validate(config).configValues();
        assertEquals(false, values.isEmpty());
    }

    @Test
    void connectorConfigsAreValidAndTheTwoFormatsAgree() throws Exception {
        Map<String, String> source = properties("sampling-file-source.properties");
        assertValid(new SamplingFileSourceConnector(), source);
        assertValid(new SamplingFileSourceConnector(), json("sampling-file-source.json"));
        Map<String, String> sink = properties("alert-webhook-sink.properties");
        assertValid(new AlertWebhookSinkConnector(), sink);
        assertValid(new AlertWebhookSinkConnector(), json("alert-webhook-sink.json"));
        assertEquals(source.get("connector.class"), json("sampling-file-source.json").get("connector.class"));
        assertEquals(sink.get("webhook.url"), json("alert-webhook-sink.json").get("webhook.url"));
    }

    @Test
    void workerConfigsParse() throws Exception {
        new StandaloneConfig(properties("connect-standalone.properties"));
        new DistributedConfig(properties("connect-distributed.properties"));
    }
}
