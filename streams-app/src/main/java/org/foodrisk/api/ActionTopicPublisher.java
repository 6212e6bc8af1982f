package org.foodrisk.api;

import io.micronaut.http.HttpResponse;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.foodrisk.kafka.Json;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.topic.Topic;
import org.foodrisk.topics.ContractValidator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes what is posted over HTTP to an actions topic — the topic a unit's own system may write too — so that one
 * processor decides on every action; acknowledged by all in-sync replicas before the HTTP answer. As text: the
 * service reads the actions topics as bytes and parses them itself (TypedTopics).
 */
abstract class ActionTopicPublisher {

    private final Topic<String, String> topic;
    private final KafkaProducer<String, String> producer;

    ActionTopicPublisher(KafkaRuntime runtime, Topic<byte[], byte[]> actions, String clientId) {
        this.topic = actions.asText();
        this.producer = topic.producer(runtime.kafka().durableProducer(clientId));
    }

    public RecordMetadata publish(String key, String json) throws ExecutionException, InterruptedException, TimeoutException {
        return producer.send(topic.record(key, json)).get(30, TimeUnit.SECONDS);
    }

    /**
     * The HTTP answer to an action the server has completed ({@code by}, {@code unit}, {@code at} set): 400 with the
     * topic schema's errors, else 202 once it is on the topic, naming where ({@code {<idField>: key, topic,
     * partition, offset}}).
     */
    HttpResponse<?> accept(String idField, String key, Map<String, Object> action) throws Exception {
        List<String> errors = ContractValidator.forTopic(topic.name()).validate(Json.MAPPER.valueToTree(action));
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(Map.of("errors", errors));
        }
        RecordMetadata written = publish(key, Json.MAPPER.writeValueAsString(action));
        return HttpResponse.accepted().body(Map.of(idField, key, "topic", written.topic(),
                "partition", written.partition(), "offset", written.offset()));
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
