package org.foodrisk.api.access;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.foodrisk.ingest.LogSafe;
import org.foodrisk.runtime.KafkaClientConfig;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.topics.TopicCatalogue;
import org.foodrisk.topic.Topic;
import org.foodrisk.topic.TypedTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sign-outs shared by every instance (issue 14: the deny list was per instance, so a cookie signed out
 * behind a load balancer stayed valid on the other instances for up to 8 hours, and on the same
 * instance after a restart).
 *
 * <p>Each sign-out is written to foodrisk.session-revocations.v1 (key the cookie's signature, value its
 * expiry) and every instance reads the whole topic — assigned, no consumer group, from the beginning —
 * into its deny list. At start the instance reads up to the end before it serves, so a restarted
 * instance never accepts a cookie signed out before. The topic keeps 7 days; a session lifetime longer
 * than that would let a revocation expire before its cookie, so it stops the start.
 *
 * <p>Kafka being down does not block a sign-out: the browser's cookie is cleared and this instance
 * refuses it at once; the other instances learn of it when the record is written (the producer
 * retries), and a failure is logged.
 */
@Context
@Requires(bean = KafkaRuntime.class)
public class SessionRevocations implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRevocations.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static final Topic<String, String> TOPIC = TypedTopics.SESSION_REVOCATIONS;

    private final Users users;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final Thread reader;
    private volatile boolean running = true;

    @jakarta.inject.Inject
    public SessionRevocations(KafkaRuntime runtime, Users users) {
        this(runtime.kafka(), users, "foodrisk-session-revocations-" + runtime.self());
    }

    public SessionRevocations(KafkaClientConfig kafka, Users users, String clientId) {
        long retentionMs = TopicCatalogue.spec(TOPIC.name()).retentionMs();
        if (users.sessionLifetime().toMillis() > retentionMs) {
            throw new IllegalStateException("foodrisk.security.session-lifetime " + users.sessionLifetime()
                    + " is longer than " + TOPIC.name() + " keeps a sign-out ("
                    + Duration.ofMillis(retentionMs) + "): a signed-out cookie would become valid again");
        }
        this.users = users;
        this.producer = TOPIC.producer(kafka.durableProducer(clientId));
        Map<String, Object> config = kafka.asMap();
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        this.consumer = TOPIC.consumer(config);
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        catchUp(partitions);
        this.reader = new Thread(this::read, "session-revocations");
        reader.setDaemon(true);
        reader.start();
    }

    /** Tells every instance (this one included, again — harmless) that this session ended. */
    public void publish(SessionCookies.Revocation revocation) {
        try {
            producer.send(TOPIC.record(revocation.signature(),
                    Long.toString(revocation.expiresEpochSecond()))).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("A sign-out is not yet known to the other instances (the producer keeps trying): {}", e.toString());
        }
    }

    /** Reads what is there before this instance serves a request. */
    private void catchUp(List<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Instant deadline = Instant.now().plus(CATCH_UP);
        int read = 0;
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("could not read " + TOPIC.name() + " within " + CATCH_UP);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                apply(record);
                read++;
            }
        }
        LOG.info("Session sign-outs read from {}: {}", TOPIC.name(), read);
    }

    private void read() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the reader up.
        } catch (RuntimeException e) {
            LOG.error("Sign-outs of other instances are no longer read", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        try {
            users.denySession(new SessionCookies.Revocation(record.key(), Long.parseLong(record.value())), Instant.now());
        } catch (NumberFormatException | NullPointerException unreadable) {
            LOG.warn("Unreadable sign-out at {}@{} ignored: {}", record.partition(), record.offset(), LogSafe.quote(record.value()));
        }
    }

    @PreDestroy
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
