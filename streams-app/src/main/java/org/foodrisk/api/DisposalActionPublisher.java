package org.foodrisk.api;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.topic.Topic;
import org.foodrisk.topic.TypedTopics;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes 核查处置 actions posted over HTTP to foodrisk.disposal-actions.v1 — the topic a unit's own
 * system may write too — so that one processor decides on every action; acknowledged by all in-sync
 * replicas before the HTTP answer (as {@link ActionPublisher} for alerts).
 */
@Singleton
public class DisposalActionPublisher {

    /** As text: the service reads the actions topic as bytes and parses them itself (TypedTopics). */
    private static final Topic<String, String> TOPIC = TypedTopics.DISPOSAL_ACTIONS.asText();

    private final KafkaProducer<String, String> producer;

    public DisposalActionPublisher(KafkaRuntime runtime) {
        Map<String, Object> config = runtime.kafka().durableProducer("foodrisk-http-disposal-actions");
        this.producer = TOPIC.producer(config);
    }

    public RecordMetadata publish(String caseId, String json) throws ExecutionException, InterruptedException, TimeoutException {
        return producer.send(TOPIC.record(caseId, json)).get(30, TimeUnit.SECONDS);
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
