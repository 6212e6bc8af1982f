package org.foodrisk.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.topics.Topics;
import org.foodrisk.testsupport.Drivers;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The topology tells the counters of every alert version and dead letter it writes, with their labels. */
class OutputCountersTopologyTest {

    private static final String CLENBUTEROL = """
            {"sampleId":"%s","program":"区抽","labCode":"TJFS001","districtName":"武清区","foodCategory":"食用农产品",
             "foodName":"猪肉","sampledAt":"2024-05-06T09:30:00+08:00","verdict":"不合格",
             "items":[{"item":"克伦特罗","hazardClass":"兽药残留","result":"2.3","unit":"μg/kg","limit":"不得检出","pass":false}]}
            """;

    @Test
    void alertsAndDeadLettersAreCountedByTheirLabels() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (TopologyTestDriver driver = Drivers.topology("counters-test", Instant.parse("2024-06-01T00:00:00Z"),
                new MicrometerOutputCounters(registry))) {
            TestInputTopic<String, String> sampling = TestTopics.input(driver, TypedTopics.SAMPLING_RESULTS.asText());
            sampling.pipeInput("S-1", CLENBUTEROL.formatted("S-1"));
            sampling.pipeInput("S-2", "{\"sampleId\": \"S-2\", oops");
            sampling.pipeInput("S-3", "{\"sampleId\": \"S-3\"}");
            String alertId = TestTopics.output(driver, TypedTopics.ALERTS.asText())
                    .readKeyValue().key;
            TestTopics.input(driver, TypedTopics.ALERT_ACTIONS.asText()).pipeInput(alertId, """
                    {"alertId":"%s","action":"acknowledge","by":"x","unit":"区市场监管局","at":"2024-05-06T12:00:00+08:00"}
                    """.formatted(alertId));
        }
        assertEquals(1.0, registry.get(MicrometerOutputCounters.ALERTS)
                .tags("kind", "sampling.critical-hazard", "level", "RED", "event", "raised").counter().count());
        assertEquals(1.0, registry.get(MicrometerOutputCounters.ALERTS)
                .tags("kind", "sampling.critical-hazard", "level", "RED", "event", "updated").counter().count());
        assertEquals(1.0, registry.get(MicrometerOutputCounters.DEAD_LETTERS)
                .tags("reason", "invalid-json", "source", Topics.SAMPLING_RESULTS).counter().count());
        assertEquals(2.0, registry.get(MicrometerOutputCounters.DEAD_LETTERS).counters().stream()
                .mapToDouble(c -> c.count()).sum(), "the malformed and the incomplete record");
    }

    @Test
    void refusedOverwritesAndPublisherVolumeAnomaliesAreCounted() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (TopologyTestDriver driver = Drivers.topology("counters-provenance-test", Instant.parse("2024-06-01T00:00:00Z"),
                new MicrometerOutputCounters(registry))) {
            TestInputTopic<String, String> sampling = TestTopics.input(driver, TypedTopics.SAMPLING_RESULTS.asText());
            sampling.pipeInput("S-1", CLENBUTEROL.formatted("S-1"));
            sampling.pipeInput("S-1", CLENBUTEROL.formatted("S-1").replace("TJFS001", "TJFS002"));
            // A day of one record an hour, then 60 in one hour: far above the lab's own baseline.
            for (int hour = 0; hour < 25; hour++) {
                sampling.pipeInput("V-" + hour, CLENBUTEROL.formatted("V-" + hour));
                driver.advanceWallClockTime(Duration.ofHours(1));
            }
            for (int i = 0; i < 60; i++) {
                sampling.pipeInput("W-" + i, CLENBUTEROL.formatted("W-" + i));
            }
        }
        assertEquals(1.0, registry.get(MicrometerOutputCounters.DEAD_LETTERS)
                .tags("reason", "id-owned-by-another-publisher", "source", Topics.SAMPLING_RESULTS).counter().count());
        assertEquals(1.0, registry.get(MicrometerOutputCounters.PUBLISHER_VOLUME_ANOMALIES)
                .tags("input", "sampling-results").counter().count(), "one hour flagged");
    }
}
