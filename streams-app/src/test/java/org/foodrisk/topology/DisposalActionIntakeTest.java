package org.foodrisk.topology;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.foodrisk.testsupport.Drivers;
import org.foodrisk.testsupport.TestJson;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.topics.Topics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Actions on foodrisk.disposal-actions.v1 are read as strictly as alert actions: every refusal a dead letter. */
class DisposalActionIntakeTest {

    @Test
    void malformedOversizedAndMisKeyedActionsAreDeadLetteredWithTheirReason() {
        try (TopologyTestDriver driver = Drivers.topology("disposal-intake-test", Instant.parse("2024-06-03T04:00:00Z"))) {
            TestInputTopic<byte[], byte[]> actions = TestTopics.input(driver, TypedTopics.DISPOSAL_ACTIONS);
            TestOutputTopic<String, String> deadLetters = TestTopics.output(driver, DeadLetterTopic.DEAD_LETTERS.asText());
            String valid = "{\"caseId\":\"C-1\",\"action\":\"comment\",\"by\":\"x\",\"unit\":\"区市场监管局\","
                    + "\"at\":\"2024-06-03T12:00:00+08:00\",\"note\":\"核查中\"}";
            pipe(actions, "C-1", (valid + " {\"action\":\"dispose\"}").getBytes(StandardCharsets.UTF_8));
            pipe(actions, "C-2", valid.getBytes(StandardCharsets.UTF_8));
            pipe(actions, "C-1", valid.replace("核查中", "长".repeat(2001)).getBytes(StandardCharsets.UTF_8));
            pipe(actions, "C-1", valid.replace("\"comment\"", "\"delete\"").getBytes(StandardCharsets.UTF_8));
            pipe(actions, "C-1", valid.replace("\"note\":\"核查中\"", "\"measures\":[\"销毁\"]").getBytes(StandardCharsets.UTF_8));
            pipe(actions, "C-1", new byte[]{'{', (byte) 0xC3, (byte) 0x28, '}'});
            pipe(actions, "C-1", valid.getBytes(StandardCharsets.UTF_8)); // valid, but no such case
            List<JsonNode> dead = deadLetters.readValuesToList().stream().map(TestJson::parse).toList();
            assertEquals(List.of("invalid-json", "key-mismatch", "schema", "schema", "schema", "invalid-utf8", "action-refused"),
                    dead.stream().map(d -> d.path("error").asText()).toList(), dead.toString());
            assertTrue(dead.get(2).path("reason").asText().contains("note"), dead.get(2).toString());
            assertTrue(dead.get(6).path("reason").asText().contains("unknown case C-1"), dead.get(6).toString());
            dead.forEach(d -> assertEquals(Topics.DISPOSAL_ACTIONS, d.path("sourceTopic").asText()));
        }
    }

    private static void pipe(TestInputTopic<byte[], byte[]> topic, String key, byte[] value) {
        topic.pipeInput(key.getBytes(StandardCharsets.UTF_8), value);
    }
}
