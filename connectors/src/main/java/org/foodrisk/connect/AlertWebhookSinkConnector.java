package org.foodrisk.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Delivers alerts ({@code foodrisk.alerts.v1}) to a webhook: 企业微信 or 钉钉 robot markdown, or
 * the alert JSON as is; filtered by district, minimum level and responsible unit; retried with
 * exponential back-off on 5xx, 429 and timeouts; undeliverable alerts to the dead-letter topic.
 */
public class AlertWebhookSinkConnector extends SinkConnector {

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        new AlertWebhookSinkConfig(props); // fail fast on a bad configuration
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return AlertWebhookSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            configs.add(props);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return AlertWebhookSinkConfig.DEF;
    }

    @Override
    public String version() {
        return Version.VERSION;
    }
}
