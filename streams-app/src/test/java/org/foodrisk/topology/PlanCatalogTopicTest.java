package org.foodrisk.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.foodrisk.kafka.Json;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.foodrisk.testsupport.Drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A plan revised on the compacted plan-catalog topic takes effect without a redeploy. */
class PlanCatalogTopicTest {

    @Test
    void aRevisedPlanOnTheTopicRoutesTheNextAlert() throws Exception {
        PlanCatalog catalog = PlanCatalog.bundled();
        try (TopologyTestDriver driver = Drivers.topology("plan-catalog-test", Instant.now(), catalog)) {
            ObjectNode revised = (ObjectNode) Json.MAPPER.valueToTree(PlanCatalog.readBundled("wuqing-2024"));
            revised.put("title", "武清区2024年食品安全监督管理计划（修订）");
            TestInputTopic<String, String> plans = TestTopics.input(driver, TypedTopics.PLAN_CATALOG.asText());
            plans.pipeInput("wuqing-2024", revised.toString());
            plans.pipeInput("broken-plan", "{not json");

            TestInputTopic<byte[], byte[]> sampling = TestTopics.input(driver, TypedTopics.SAMPLING_RESULTS);
            sampling.pipeInput("P-1".getBytes(StandardCharsets.UTF_8),
                    Samples.clenbuterolPork("P-1", "2024-05-06T09:30:00+08:00").toString().getBytes(StandardCharsets.UTF_8),
                    Instant.parse("2024-06-01T00:00:00Z"));
            JsonNode alert = Json.MAPPER.readTree(TestTopics.output(driver, TypedTopics.ALERTS.asText()).readValue());
            assertEquals("武清区2024年食品安全监督管理计划（修订）", alert.path("planTasks").get(0).path("plan").asText());
            assertEquals(5, catalog.plans().size(), "a record that is not a plan changes nothing");
        }
    }
}
