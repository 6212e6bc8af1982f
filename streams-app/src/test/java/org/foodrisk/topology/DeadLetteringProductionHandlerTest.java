package org.foodrisk.topology;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.foodrisk.alert.Alert;
import org.foodrisk.kafka.Json;
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.topics.Topics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadLetteringProductionHandlerTest {

    private final List<DeadLetter> counted = new ArrayList<>();
    private final DeadLetteringProductionHandler handler = handler();

    private DeadLetteringProductionHandler handler() {
        DeadLetteringProductionHandler h = new DeadLetteringProductionHandler()
                .withClock(Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC));
        h.configure(Map.of(DeadLetteringProductionHandler.COUNTERS_CONFIG, new OutputCounters() {
            @Override
            public void alert(Alert alert) {
            }

            @Override
            public void deadLetter(DeadLetter deadLetter) {
                counted.add(deadLetter);
            }
        }));
        return h;
    }

    @Test
    void aRecordTooLargeForItsTopicBecomesADeadLetterWithKeyTopicAndSizeAndProcessingGoesOn() throws Exception {
        byte[] value = new byte[1_200_000];
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.ALERTS, "FR-1".getBytes(StandardCharsets.UTF_8), value);

        ProductionExceptionHandler.Response response = handler.handleError(context(), record,
                new RecordTooLargeException("The message is 1200100 bytes when serialized"));

        assertEquals(ProductionExceptionHandler.Result.RESUME, response.result());
        assertEquals(1, response.deadLetterQueueRecords().size());
        ProducerRecord<byte[], byte[]> letter = response.deadLetterQueueRecords().get(0);
        assertEquals(Topics.DEAD_LETTERS, letter.topic());
        assertEquals("FR-1", new String(letter.key(), StandardCharsets.UTF_8));
        JsonNode json = Json.MAPPER.readTree(letter.value());
        assertEquals(Topics.ALERTS, json.path("sourceTopic").asText());
        assertEquals("FR-1", json.path("key").asText());
        assertEquals("output-too-large", json.path("error").asText());
        assertTrue(json.path("value").isMissingNode(), "the value is what was too large: not repeated");
        String reason = json.path("reason").asText();
        assertTrue(reason.contains("1200004 bytes") && reason.contains(Topics.ALERTS), reason);
        assertTrue(reason.contains(Topics.ALERT_ACTIONS + "-2@17"), "names the input being processed: " + reason);
        assertTrue(letter.value().length < 4096, "a dead letter of the oversized record is small");
        assertEquals(1, counted.size(), "counted for operations");
        assertEquals("output-too-large", counted.get(0).error());
    }

    @Test
    void aRecordThatCannotBeSerializedBecomesADeadLetterToo() throws Exception {
        ProducerRecord<String, Object> record = new ProducerRecord<>(Topics.RISK_SUMMARIES, "120114|2024-W22", new Object());

        ProductionExceptionHandler.Response response = handler.handleSerializationError(context(), record,
                new SerializationException("Cannot write RiskSummary"), ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);

        assertEquals(ProductionExceptionHandler.Result.RESUME, response.result());
        JsonNode json = Json.MAPPER.readTree(response.deadLetterQueueRecords().get(0).value());
        assertEquals("output-serialization", json.path("error").asText());
        assertEquals("120114|2024-W22", json.path("key").asText());
        assertTrue(json.path("reason").asText().contains("Cannot write RiskSummary"));
    }

    @Test
    void aDeadLetterTooLargeItselfIsLoggedAndSkippedNotDeadLetteredAgain() {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.DEAD_LETTERS, null, new byte[5_000_000]);

        ProductionExceptionHandler.Response response = handler.handleError(context(), record,
                new RecordTooLargeException("too large"));

        assertEquals(ProductionExceptionHandler.Result.RESUME, response.result());
        assertTrue(response.deadLetterQueueRecords().isEmpty());
    }

    @Test
    void otherErrorsAreLeftToKafkasDefault() {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.ALERTS, null, new byte[10]);
        assertEquals(ProductionExceptionHandler.Result.FAIL,
                handler.handleError(context(), record, new AuthorizationException("denied")).result());
        assertEquals(ProductionExceptionHandler.Result.RETRY,
                handler.handleError(context(), record, new TimeoutException("slow")).result());
        assertTrue(counted.isEmpty());
    }

    @Test
    void duringAPunctuationThereIsNoInputToName() throws Exception {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.ALERTS, null, new byte[10]);
        ProductionExceptionHandler.Response response = handler.handleError(null, record, new RecordTooLargeException("x"));
        JsonNode json = Json.MAPPER.readTree(response.deadLetterQueueRecords().get(0).value());
        assertTrue(json.path("reason").asText().contains("(punctuation)"));
        assertNull(response.deadLetterQueueRecords().get(0).key());
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return Topics.ALERT_ACTIONS;
            }

            @Override
            public int partition() {
                return 2;
            }

            @Override
            public long offset() {
                return 17;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "sink-alerts";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(1, 2);
            }

            @Override
            public long timestamp() {
                return 0;
            }

            @Override
            public byte[] sourceRawKey() {
                return null;
            }

            @Override
            public byte[] sourceRawValue() {
                return null;
            }
        };
    }
}
