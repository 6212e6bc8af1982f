package org.foodrisk.topology;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.common.serialization.Serde;
import org.foodrisk.kafka.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The accessors the sealed outcomes add ({@code deadLetter()}, {@code alertCommand()}, {@code alert()}, …) are not
 * JSON properties: a dead letter on its topic and a command on its repartition topic keep the bytes they had,
 * their record components and nothing else.
 */
class StageOutcomeJsonTest {

    @Test
    void aDeadLetterIsWrittenAsItsComponentsOnly() throws IOException {
        DeadLetter deadLetter = new DeadLetter("foodrisk.sampling-results.v1", 1, 2L, "S-1", "{}", "text", "invalid",
                "a reason", OffsetDateTime.parse("2026-12-06T10:00:00Z"), 2L);
        assertEquals(components(DeadLetter.class), fields(DeadLetterTopic.DEAD_LETTERS.valueSerde(), deadLetter));
    }

    @Test
    void commandsOnTheirRepartitionTopicsAreWrittenAsTheirComponentsOnly() throws IOException {
        Set<String> alertCommand = fields(TopologySerdes.ALERT_COMMAND, new AlertCommand(null, null, "t", 0, 1L, "{}"));
        Set<String> disposalCommand = fields(TopologySerdes.DISPOSAL_COMMAND, new DisposalCommand(null, null, "t", 0, 1L, "{}"));
        // Null components are left out (NON_NULL); what is written must be the rest of them, nothing more.
        assertEquals(Set.of("sourceTopic", "partition", "offset", "rawValue"), alertCommand);
        assertEquals(Set.of("sourceTopic", "partition", "offset", "rawValue"), disposalCommand);
    }

    private static <T> Set<String> fields(Serde<T> serde, T value) throws IOException {
        JsonNode json = Json.MAPPER.readTree(serde.serializer().serialize("t", value));
        Set<String> names = new HashSet<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> components(Class<? extends Record> type) {
        return new HashSet<>(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
    }
}
