package org.foodrisk.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One generated input record, ready to publish: the contract topic, the record key (the record's
 * own id: sampleId, caseId, complaintId or signalId), the JSON value as UTF-8 text, the event
 * time the contract names for that topic (sampledAt, onsetAt, receivedAt, publishedAt) — the
 * timestamp to give the Kafka record so that replays run on event time — and the arrival time,
 * when the record becomes known and is published.
 *
 * <p>Arrival is the value's {@code reportedAt} where the topic has one (a lab result is reported
 * days after its sample was taken, an illness case hours to days after onset), else the event time
 * (a complaint is received, a post published, when it happens). It is never before the event time.
 */
public record DemoRecord(String topic, String key, String json, Instant eventTime, Instant arrivalTime) {

    public DemoRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(arrivalTime, "arrivalTime");
        if (arrivalTime.isBefore(eventTime)) {
            // Arrival order relies on it: nothing generated for a day can arrive before the day starts.
            throw new IllegalArgumentException(key + " arrives at " + arrivalTime + ", before its event time " + eventTime);
        }
    }

    /** A record whose arrival is its value's {@code reportedAt} when it has one, else its event time. */
    public DemoRecord(String topic, String key, String json, Instant eventTime) {
        this(topic, key, json, eventTime, reportedAtOr(json, eventTime));
    }

    private static Instant reportedAtOr(String json, Instant eventTime) {
        try {
            JsonNode reportedAt = DemoJson.MAPPER.readTree(json).get("reportedAt");
            return reportedAt != null && reportedAt.isTextual()
                    ? OffsetDateTime.parse(reportedAt.asText()).toInstant() : eventTime;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }
}
