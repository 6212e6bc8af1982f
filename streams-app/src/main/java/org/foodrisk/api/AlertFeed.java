package org.foodrisk.api;

import org.foodrisk.ingest.LogSafe;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.foodrisk.alert.Alert;
import org.foodrisk.exchange.ReceivedAlert;
import org.foodrisk.kafka.Json;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.topic.TypedTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.io.IOException;

/**
 * Every new alert version of the alerts topic, as it is committed, for the live feed of this
 * instance. Each instance reads all partitions itself (assigned, no consumer group), so a
 * browser connected to any instance sees every alert; it starts at the end because the page
 * loads the current alerts from the store first. read_committed: an alert version of an
 * aborted Kafka Streams transaction is never shown. The alerts partner regions shared (foodrisk.received-alerts.v1,
 * issue 20) come the same way, as their own stream: they are not this region's alerts.
 */
@Context
public class AlertFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);

    private final KafkaConsumer<String, String> consumer;
    // Best effort per subscriber: a browser that cannot keep up gets its own buffer
    // (AlertFeedController), and one slow page never holds up the others.
    private final Sinks.Many<Alert> sink = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<ReceivedAlert> receivedSink = Sinks.many().multicast().directBestEffort();
    private final Thread poller;
    private volatile boolean running = true;

    public AlertFeed(KafkaRuntime runtime) {
        Map<String, Object> config = runtime.kafka().asMap();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "foodrisk-alert-feed-" + runtime.self());
        // As text, parsed record by record: an unreadable alert is skipped (publish), not the end of the feed.
        consumer = TypedTopics.ALERTS.asText().consumer(config);
        List<TopicPartition> partitions = Stream.of(TypedTopics.ALERTS.name(), TypedTopics.RECEIVED_ALERTS.name())
                .flatMap(topic -> consumer.partitionsFor(topic).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end offsets now, so that "from the end" means from this instance's start.
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "alert-feed");
        poller.setDaemon(true);
        poller.start();
    }

    /** New alert versions from now on. */
    public Flux<Alert> alerts() {
        return sink.asFlux();
    }

    /** New versions of alerts received from partner regions from now on. */
    public Flux<ReceivedAlert> received() {
        return receivedSink.asFlux();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    publish(record);
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the poller up.
        } catch (RuntimeException e) {
            LOG.error("Live alert feed stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            sink.tryEmitComplete();
            receivedSink.tryEmitComplete();
        }
    }

    private void publish(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            // Only this thread emits, so the sink's single-producer contract holds.
            if (TypedTopics.RECEIVED_ALERTS.name().equals(record.topic())) {
                receivedSink.tryEmitNext(Json.MAPPER.readValue(record.value(), ReceivedAlert.class));
            } else {
                sink.tryEmitNext(Json.MAPPER.readValue(record.value(), Alert.class));
            }
        } catch (IOException unreadable) {
            LOG.warn("Alert at {}-{}@{} is not readable, not shown: {}", record.topic(), record.partition(),
                    record.offset(), LogSafe.quote(unreadable.getMessage()));
        }
    }

    @PreDestroy
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
