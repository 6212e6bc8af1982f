package org.foodrisk.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogue covers every topic, and says what the contract and the replay notes require. */
class TopicCatalogueTest {

    private static final long NINETY_DAYS_MS = 90L * 24 * 60 * 60 * 1000;

    @Test
    void everyTopicConstantIsInTheCatalogueAndNothingElse() throws IllegalAccessException {
        Set<String> constants = topicConstants();
        Set<String> catalogued = TopicCatalogue.load().stream().map(TopicSpec::name).collect(Collectors.toSet());
        assertEquals(19, constants.size());
        assertEquals(constants, catalogued);
    }

    @Test
    void contractTopicsAreTheEightOfTheReadmeAndTheNineAddedSince() {
        Set<String> contract = TopicCatalogue.load().stream().filter(TopicSpec::contract)
                .map(TopicSpec::name).collect(Collectors.toSet());
        assertEquals(Set.of(Topics.SAMPLING_RESULTS, Topics.ILLNESS_REPORTS, Topics.COMPLAINTS, Topics.OPINION_SIGNALS,
                Topics.ALERTS, Topics.ALERT_ACTIONS, Topics.RISK_SUMMARIES, Topics.DEAD_LETTERS,
                Topics.DISPOSAL_CASES, Topics.DISPOSAL_ACTIONS, Topics.CONSULTATIONS, Topics.CONSULTATION_ACTIONS,
                Topics.RISK_COMMUNICATIONS, Topics.COMMUNICATION_ACTIONS, Topics.ALERT_EXCHANGE, Topics.RECEIVED_ALERTS, Topics.CITY_SUMMARIES), contract);
        assertFalse(TopicCatalogue.spec(Topics.PLAN_CATALOG).contract());
    }

    @Test
    void everyContractTopicHasASchemaThatLoads() {
        TopicCatalogue.load().stream().filter(TopicSpec::contract).forEach(spec -> {
            assertEquals("foodrisk/schemas/" + spec.name() + ".schema.json", spec.valueSchema());
            assertNotNull(ContractValidator.forTopic(spec.name()));
        });
    }

    @Test
    void inputsAreTheFourSignalStreamsWithTheirEventTimes() {
        Map<String, String> eventTimes = Topics.INPUTS.stream()
                .collect(Collectors.toMap(name -> name, name -> TopicCatalogue.spec(name).eventTimeField()));
        assertEquals(Map.of(Topics.SAMPLING_RESULTS, "sampledAt", Topics.ILLNESS_REPORTS, "onsetAt",
                Topics.COMPLAINTS, "receivedAt", Topics.OPINION_SIGNALS, "publishedAt"), eventTimes);
        Topics.INPUTS.forEach(name -> assertEquals(TopicSpec.Role.INPUT, TopicCatalogue.spec(name).role()));
        assertEquals(TopicSpec.Role.INPUT, TopicCatalogue.spec(Topics.ALERT_ACTIONS).role());
        assertEquals(TopicSpec.Role.OUTPUT, TopicCatalogue.spec(Topics.ALERTS).role());
        assertEquals(TopicSpec.Role.INTERNAL, TopicCatalogue.spec(Topics.PLAN_CATALOG).role());
    }

    @Test
    void replayableHistoryIsKeptForeverAndDeadLettersNinetyDays() {
        List<String> forever = List.of(Topics.SAMPLING_RESULTS, Topics.ILLNESS_REPORTS, Topics.COMPLAINTS,
                Topics.OPINION_SIGNALS, Topics.ALERT_ACTIONS, Topics.ALERTS, Topics.RISK_SUMMARIES, Topics.PLAN_CATALOG);
        forever.forEach(name -> assertEquals(-1, TopicCatalogue.spec(name).retentionMs(), name));
        assertEquals(NINETY_DAYS_MS, TopicCatalogue.spec(Topics.DEAD_LETTERS).retentionMs());
        // Wall-clock records, needed only while a session may last: time-based retention is safe there.
        assertEquals(7L * 24 * 60 * 60 * 1000, TopicCatalogue.spec(Topics.SESSION_REVOCATIONS).retentionMs());
        assertEquals(TopicSpec.Role.INTERNAL, TopicCatalogue.spec(Topics.SESSION_REVOCATIONS).role());
    }

    @Test
    void planCatalogIsCompactedAndTheRestDeleted() {
        TopicCatalogue.load().forEach(spec -> assertEquals(
                spec.name().equals(Topics.PLAN_CATALOG) ? "compact" : "delete", spec.cleanupPolicy(), spec.name()));
    }

    @Test
    void configsCarryCleanupRetentionAndTheExtras() {
        Map<String, String> configs = TopicCatalogue.spec(Topics.SAMPLING_RESULTS).configs();
        assertEquals(Map.of("cleanup.policy", "delete", "retention.ms", "-1", "min.insync.replicas", "2",
                "compression.type", "lz4", "max.message.bytes", "1048576"), configs);
    }

    @Test
    void everyTopicHasFourPartitionsReplicationThreeAndJsonValues() {
        TopicCatalogue.load().forEach(spec -> {
            assertEquals(4, spec.partitions(), spec.name());
            assertEquals(3, spec.replicationFactor(), spec.name());
            assertEquals("json", spec.valueFormat(), spec.name());
            assertTrue(spec.keyFormat().startsWith("string: "), spec.name());
            assertFalse(spec.description().isBlank(), spec.name());
        });
    }

    @Test
    void unknownTopicIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TopicCatalogue.spec("foodrisk.nope.v1"));
    }

    @Test
    void specRefusesConfigsThatHaveTheirOwnField() {
        assertThrows(IllegalArgumentException.class, () -> new TopicSpec("t", "", false, TopicSpec.Role.INTERNAL, 1,
                (short) 1, "delete", -1, Map.of("retention.ms", "1"), "string", "json", null, null));
        assertThrows(IllegalArgumentException.class, () -> new TopicSpec("t", "", true, TopicSpec.Role.OUTPUT, 1,
                (short) 1, "delete", -1, Map.of(), "string", "json", null, null));
    }

    private static Set<String> topicConstants() throws IllegalAccessException {
        Set<String> names = new HashSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                names.add((String) field.get(null));
            }
        }
        assertTrue(Arrays.stream(Topics.class.getFields()).anyMatch(field -> field.getName().equals("INPUTS")));
        return names;
    }
}
