package org.foodrisk.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.foodrisk.runtime.KafkaRuntime;

/**
 * Kafka Streams' own metrics (threads: process and punctuate rates and latencies; consumers:
 * records lag; state stores: RocksDB sizes and key estimates; producers …) on the application's
 * meter registry, hence at /prometheus as {@code kafka_stream_*}, {@code kafka_consumer_*} ….
 * Micrometer's binder picks up metrics that appear later (new tasks and stores after a
 * rebalance) on its own periodic check.
 */
@Context
public class KafkaStreamsMeters implements AutoCloseable {

    private final KafkaStreamsMetrics metrics;

    public KafkaStreamsMeters(KafkaRuntime runtime, MeterRegistry registry) {
        this.metrics = new KafkaStreamsMetrics(runtime.streams());
        metrics.bindTo(registry);
    }

    @PreDestroy
    @Override
    public void close() {
        metrics.close();
    }
}
