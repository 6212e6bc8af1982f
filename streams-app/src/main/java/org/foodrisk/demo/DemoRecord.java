package org.foodrisk.demo;

import java.time.Instant;
import java.util.Objects;

/**
 * One generated input record, ready to publish: the contract topic, the record key (the record's
 * own id: sampleId, caseId, complaintId or signalId), the JSON value as UTF-8 text, and the event
 * time the contract names for that topic (sampledAt, onsetAt, receivedAt, publishedAt) — the
 * timestamp to give the Kafka record so that replays run on event time.
 */
public record DemoRecord(String topic, String key, String json, Instant eventTime) {

    public DemoRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(eventTime, "eventTime");
    }
}
