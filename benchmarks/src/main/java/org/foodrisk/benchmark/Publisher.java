package org.foodrisk.benchmark;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.foodrisk.runtime.KafkaClientConfig;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Publishes input records as a lab would: acks=all, idempotent, lz4; key = the record's id. */
final class Publisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    /** @param bulk batch for throughput (backlogs) rather than for latency (paced runs) */
    Publisher(KafkaClientConfig kafka, boolean bulk) {
        Map<String, Object> config = kafka.durableProducer("bench-publisher");
        config.put("compression.type", "lz4");
        if (bulk) {
            config.put("linger.ms", 20);
            config.put("batch.size", 262_144);
        }
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    void send(BenchRecord r) {
        producer.send(new ProducerRecord<>(r.topic(), r.key(), r.value()), (metadata, e) -> {
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
