package org.foodrisk.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.streams.KafkaStreams;
import org.foodrisk.runtime.KafkaRuntime;

/**
 * Kafka Streams' own metrics (threads: process and punctuate rates and latencies; consumers:
 * records lag; state stores: RocksDB sizes and key estimates; producers …) on the application's
 * meter registry, hence at /prometheus as {@code kafka_stream_*}, {@code kafka_consumer_*} ….
 * Micrometer's binder picks up metrics that appear later (new tasks and stores after a
 * rebalance) on its own check, once a minute; so that the metrics of the tasks and stores an
 * instance has just been given are there at once rather than up to a minute later, the binding
 * is renewed each time Kafka Streams becomes RUNNING (the end of every rebalance).
 */
@Context
public class KafkaStreamsMeters implements AutoCloseable {

    private final KafkaRuntime runtime;
    private final MeterRegistry registry;
    private KafkaStreamsMetrics metrics;
    private boolean closed;

    public KafkaStreamsMeters(KafkaRuntime runtime, MeterRegistry registry) {
        this.runtime = runtime;
        this.registry = registry;
        bind();
        runtime.onStateChange((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                rebind();
            }
        });
    }

    private synchronized void bind() {
        metrics = new KafkaStreamsMetrics(runtime.streams());
        metrics.bindTo(registry);
    }

    /** Closing removes the old binding's meters, so it comes first; the values live in Kafka's metrics, not in the meters. */
    private synchronized void rebind() {
        if (!closed) {
            metrics.close();
            bind();
        }
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        closed = true;
        metrics.close();
    }
}
