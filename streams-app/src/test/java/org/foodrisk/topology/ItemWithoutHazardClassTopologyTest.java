package org.foodrisk.topology;

import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.foodrisk.testsupport.Drivers;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failed item may name no hazardClass (the contract makes it optional). Seen in CI on 2026-12-07: such a 不合格
 * result naming 克百威 made alert routing throw, and the replaced stream thread failed on the same record again —
 * the whole alert stage stuck behind one valid record. It must raise its alert like any other.
 */
class ItemWithoutHazardClassTopologyTest {

    private static final Instant NOW = Instant.parse("2024-05-08T02:00:00Z");

    @Test
    void aBannedPesticideWithoutAHazardClassRaisesItsAlert() {
        try (TopologyTestDriver driver = Drivers.topology("hazardless-item-test", NOW)) {
            TestInputTopic<byte[], byte[]> sampling = TestTopics.input(driver, TypedTopics.SAMPLING_RESULTS);
            TestOutputTopic<String, String> alerts = TestTopics.output(driver, TypedTopics.ALERTS.asText());
            TestOutputTopic<String, String> deadLetters = TestTopics.output(driver, DeadLetterTopic.DEAD_LETTERS.asText());
            String record = """
                    {"sampleId":"KJ-2405-0001","program":"区抽","labCode":"LAB-120111-01","districtCode":"120111",
                     "districtName":"西青区","foodCategory":"食用农产品","foodName":"豇豆","sampledAt":"2024-05-08T08:00:00+08:00",
                     "reportedAt":"2024-05-08T09:00:00+08:00","verdict":"不合格","items":[{"item":"克百威","pass":false}]}
                    """;
            sampling.pipeInput("KJ-2405-0001".getBytes(StandardCharsets.UTF_8), record.getBytes(StandardCharsets.UTF_8), NOW);
            List<String> raised = alerts.readValuesToList();
            assertTrue(raised.stream().anyMatch(a -> a.contains("克百威")), "an alert names 克百威: " + raised);
            assertEquals(List.of(), deadLetters.readValuesToList());
        }
    }
}
