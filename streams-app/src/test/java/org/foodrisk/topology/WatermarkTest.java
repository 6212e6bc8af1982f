package org.foodrisk.topology;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.foodrisk.ingest.Signal;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WatermarkTest {

    @Test
    void isTheSlowestUpstreamClockOnceEveryUpstreamHasSpoken() {
        assertEquals(OptionalLong.empty(), Watermark.of(Map.of(), 2));
        assertEquals(OptionalLong.empty(), Watermark.of(Map.of(0, 500L), 2), "upstream 1 may hold the oldest records");
        assertEquals(OptionalLong.of(300L), Watermark.of(Map.of(0, 500L, 1, 300L), 2));
    }

    @Test
    void anUpstreamBeyondTheExpectedOnesCountsAsSoonAsItAppears() {
        // Partitions added to the input topics: task 2 exists although 2 were expected; task 1 is missing.
        assertEquals(OptionalLong.empty(), Watermark.of(Map.of(0, 500L, 2, 900L), 2));
        assertEquals(OptionalLong.of(100L), Watermark.of(Map.of(0, 500L, 1, 700L, 2, 100L), 2));
    }

    @Test
    void ticksGoToEveryPartitionAndSignalsWhereTheDefaultPartitionerWouldPutThem() {
        var partitioner = ClockTicks.<Signal>multicastTicks();
        assertEquals(Optional.of(Set.of(0, 1, 2, 3)), partitioner.partitions("t", ClockTicks.keyOf(1), null, 4));
        for (String key : new String[]{"120114|乳制品", "120111|食用农产品", "?|?", "sampling|120114|粮食加工品"}) {
            int expected = BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), 4);
            assertEquals(Optional.of(Set.of(expected)), partitioner.partitions("t", key, null, 4), key);
        }
    }
}
