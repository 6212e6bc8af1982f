package org.foodrisk.topology;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.processor.api.Record;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Clock ticks: records that carry no signal (null value) but say how far an upstream task's arrival
 * clock has come. A tick's key names the upstream task ({@code #tick|<partition>}), its timestamp is
 * the clock. Ticks travel in the data stream, behind the records they cover: a task that has seen a
 * tick from every upstream task has seen every record those tasks processed before it, whatever the
 * speed of each — the watermark of Dataflow/Flink, built from Kafka Streams' primitives.
 *
 * <p>Downstream of a repartition, the stage's watermark is forwarded as one record with key
 * {@link #WATERMARK_KEY}, also with a null value.
 */
final class ClockTicks {

    static final String TICK_PREFIX = "#tick|";
    static final String WATERMARK_KEY = "#watermark";

    private ClockTicks() {
    }

    static String keyOf(int upstreamPartition) {
        return TICK_PREFIX + upstreamPartition;
    }

    /** True for a tick or a watermark (both carry no value). */
    static boolean isClock(Record<String, ?> record) {
        return record.value() == null && record.key() != null && record.key().startsWith("#");
    }

    static boolean isTick(String key, Object value) {
        return value == null && key != null && key.startsWith(TICK_PREFIX);
    }

    static int upstreamOf(String tickKey) {
        return Integer.parseInt(tickKey.substring(TICK_PREFIX.length()));
    }

    /**
     * Sends ticks to every partition of a repartition topic and every other record where the producer's
     * default partitioner would (murmur2 of the key's bytes, as Kafka Streams does by default), so that a
     * series stays in the partition — and the state — it always had.
     */
    static <V> StreamPartitioner<String, V> multicastTicks() {
        return (topic, key, value, partitions) -> {
            if (isTick(key, value)) {
                return Optional.of(IntStream.range(0, partitions).boxed().collect(Collectors.toUnmodifiableSet()));
            }
            if (key == null) {
                return Optional.empty();
            }
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(bytes)) % partitions));
        };
    }
}
