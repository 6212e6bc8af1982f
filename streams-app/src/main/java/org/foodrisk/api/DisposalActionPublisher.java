package org.foodrisk.api;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.topics.Topics;

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

    private final KafkaProducer<String, String> producer;

    public DisposalActionPublisher(KafkaRuntime runtime) {
        Map<String, Object> config = runtime.kafka().durableProducer("foodrisk-http-disposal-actions");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    public RecordMetadata publish(String caseId, String json) throws ExecutionException, InterruptedException, TimeoutException {
        return producer.send(new ProducerRecord<>(Topics.DISPOSAL_ACTIONS, caseId, json)).get(30, TimeUnit.SECONDS);
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
