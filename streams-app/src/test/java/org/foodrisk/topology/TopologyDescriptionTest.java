package org.foodrisk.topology;

import org.foodrisk.plan.PlanCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Pins the topology's shape: the names of every source and sink topic, processor, state store,
 * repartition topic and the sub-topologies they form, as {@code Topology#describe()} prints them.
 *
 * <p>Why: Kafka Streams derives changelog and repartition topic names from store and processor names,
 * and task ids from sub-topology numbers. Renaming a store (or moving it to another sub-topology) silently
 * orphans its changelog — a deployed application restarts with empty state (counts, alert states, cases)
 * while the old topic lingers. A refactoring of {@link FoodRiskTopology} must leave this description
 * byte for byte as it was. If a change of shape is intended (a new detector, say), regenerate the fixture
 * from the actual output this test writes to {@code target/} and review the diff: every renamed or moved
 * line needs a migration plan.
 *
 * <p>The description holds nothing non-deterministic (all nodes are named; no generated suffixes), so it
 * is compared as is, except line endings. It does not show serdes, store caching or logging, nor stream
 * partitioners (the clock ticks' multicast): those a refactoring keeps by review and the behaviour tests.
 */
class TopologyDescriptionTest {

    private static final String FIXTURE = "/topology/foodrisk-topology-description.txt";

    @Test
    void theTopologyKeepsEveryNameAndSubTopologyItHad() throws IOException {
        String actual = FoodRiskTopology.build(TopologySettings.defaults(), PlanCatalog.bundled())
                .describe().toString();
        Path written = Path.of("target", "topology-description.actual.txt");
        Files.createDirectories(written.getParent());
        Files.writeString(written, actual, StandardCharsets.UTF_8);

        assertEquals(expected(), actual.replace("\r\n", "\n"),
                "the topology's description changed (actual in " + written.toAbsolutePath() + "): renaming a store,"
                        + " processor or repartition topic orphans its changelog or internal topic");
    }

    private static String expected() throws IOException {
        try (InputStream in = TopologyDescriptionTest.class.getResourceAsStream(FIXTURE)) {
            assertNotNull(in, FIXTURE + " is on the test classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
    }
}
