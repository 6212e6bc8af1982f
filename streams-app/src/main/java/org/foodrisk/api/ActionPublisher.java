package org.foodrisk.api;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.foodrisk.alert.AlertAction;
import org.foodrisk.kafka.Json;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.topics.Topics;

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

    private final KafkaProducer<String, String> producer;

    public ActionPublisher(KafkaRuntime runtime) {
        Map<String, Object> config = runtime.kafka().durableProducer("foodrisk-http-actions");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    public RecordMetadata publish(AlertAction action) throws ExecutionException, InterruptedException, TimeoutException {
        try {
            String json = Json.MAPPER.writeValueAsString(action);
            return producer.send(new ProducerRecord<>(Topics.ALERT_ACTIONS, action.alertId(), json)).get(30, TimeUnit.SECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
