package org.foodrisk.benchmark;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.foodrisk.runtime.KafkaClientConfig;
import org.foodrisk.topic.Topic;
import org.foodrisk.topic.TypedTopics;

import java.util.Iterator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicReference;

/** Publishes input records as a lab would: acks=all, idempotent, lz4; key = the record's id. */
final class Publisher implements AutoCloseable {

    /** The input topics by name: raw bytes, as the service reads them. */
    private static final Map<String, Topic<byte[], byte[]>> INPUTS = TypedTopics.INPUTS.stream()
            .collect(Collectors.toMap(Topic::name, Function.identity()));

    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    /** @param bulk batch for throughput (backlogs) rather than for latency (paced runs) */
    Publisher(KafkaClientConfig kafka, boolean bulk) {
        Map<String, Object> config = kafka.durableProducer("bench-publisher");
        config.put("compression.type", "lz4");
        if (bulk) {
            config.put("linger.ms", 20);
            config.put("batch.size", 262_144);
        }
        producer = TypedTopics.SAMPLING_RESULTS.producer(config); // the inputs' serializers (raw bytes)
    }

    void send(BenchRecord r) {
        // The key as UTF-8, as a String serializer would write it.
        producer.send(INPUTS.get(r.topic()).record(r.key().getBytes(StandardCharsets.UTF_8), r.value()), (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }

    /** Sends up to {@code count} records of {@code source}; returns how many were sent. */
    long sendAll(Iterator<BenchRecord> source, long count) {
        long sent = 0;
        while (sent < count && source.hasNext()) {
            send(source.next());
            sent++;
        }
        flush();
        return sent;
    }

    void flush() {
        producer.flush();
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("publishing failed", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
