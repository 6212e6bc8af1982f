package org.foodrisk.api;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.foodrisk.alert.AlertAction;
import org.foodrisk.kafka.Json;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.topic.Topic;
import org.foodrisk.topic.TypedTopics;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Publishes alert actions posted over HTTP to foodrisk.alert-actions.v1 — the same topic Kafka
 * users write to, so that one processor decides on every action the same way. The send is
 * acknowledged by all in-sync replicas (idempotent producer) before the HTTP answer.
 */
@Singleton
public class ActionPublisher {

    /** As text: the service reads the actions topic as bytes and parses them itself (TypedTopics). */
    private static final Topic<String, String> TOPIC = TypedTopics.ALERT_ACTIONS.asText();

    private final KafkaProducer<String, String> producer;

    public ActionPublisher(KafkaRuntime runtime) {
        Map<String, Object> config = runtime.kafka().durableProducer("foodrisk-http-actions");
        this.producer = TOPIC.producer(config);
    }

    public RecordMetadata publish(AlertAction action) throws ExecutionException, InterruptedException, TimeoutException {
        try {
            String json = Json.MAPPER.writeValueAsString(action);
            return producer.send(TOPIC.record(action.alertId(), json)).get(30, TimeUnit.SECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
