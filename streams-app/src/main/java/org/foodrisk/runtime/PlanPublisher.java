package org.foodrisk.runtime;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.foodrisk.kafka.Json;
import org.foodrisk.plan.Plan;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.topic.TypedTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Publishes the bundled plans to the compacted plan-catalog topic — only those whose planId is
 * not there yet. A plan already on the topic may have been revised by an operator since the
 * build; overwriting it at every start would silently undo that revision.
 */
@Singleton
public class PlanPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(PlanPublisher.class);

    private final KafkaClientConfig kafka;
    private final List<Plan> bundled;

    PlanPublisher(KafkaClientConfig kafka, PlanCatalog catalog) {
        this.kafka = kafka;
        this.bundled = List.copyOf(catalog.plans());
    }

    /** Publishes the bundled plans not on the topic yet; returns how many it published. */
    public int publishMissing() throws ExecutionException, InterruptedException {
        Set<String> present = planIdsOnTopic();
        Map<String, Object> config = kafka.durableProducer("foodrisk-plans");
        int published = 0;
        try (KafkaProducer<String, byte[]> producer = TypedTopics.PLAN_CATALOG.producer(config)) {
            for (Plan plan : bundled) {
                if (present.contains(plan.planId())) {
                    continue;
                }
                producer.send(TypedTopics.PLAN_CATALOG.record(plan.planId(),
                        Json.MAPPER.writeValueAsBytes(plan))).get();
                published++;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        LOG.info("Plan catalog: {} bundled plan(s) published, {} already on {}", published, present.size(),
                TypedTopics.PLAN_CATALOG.name());
        return published;
    }

    private Set<String> planIdsOnTopic() {
        Map<String, Object> config = kafka.asMap();
        config.put("enable.auto.commit", false);
        config.put("isolation.level", "read_committed");
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = TypedTopics.PLAN_CATALOG.consumer(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TypedTopics.PLAN_CATALOG.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        ids.add(record.key());
                    }
                }
            }
        }
        return ids;
    }
}
