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
 * Publishes risk communication actions posted over HTTP to foodrisk.communication-actions.v1, so that one processor decides on
 * every action; acknowledged by all in-sync replicas before the HTTP answer (as {@link DisposalActionPublisher}).
 */
@Singleton
public class CommunicationActionPublisher {

    private static final Topic<String, String> TOPIC = TypedTopics.COMMUNICATION_ACTIONS.asText();

    private final KafkaProducer<String, String> producer;

    public CommunicationActionPublisher(KafkaRuntime runtime) {
        Map<String, Object> config = runtime.kafka().durableProducer("foodrisk-http-communication-actions");
        this.producer = TOPIC.producer(config);
    }

    public RecordMetadata publish(String communicationId, String json)
            throws ExecutionException, InterruptedException, TimeoutException {
        return producer.send(TOPIC.record(communicationId, json)).get(30, TimeUnit.SECONDS);
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
