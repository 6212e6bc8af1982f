package org.foodrisk.topology;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.ingest.IntakeResult;
import org.foodrisk.ingest.Provenance;
import org.foodrisk.ingest.RecordIntake;
import org.foodrisk.ingest.StrictUtf8;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

/**
 * Parses, normalizes and validates each record of one input topic. Accepted records go on keyed
 * by their id and stamped with their event time (so every later window and detector runs on
 * event time), with their publisher (the HTTP API's {@value Provenance#HEADER} header, else what
 * the content names: {@link Provenance}); refused ones become dead letters with the reason.
 * Nothing is dropped silently.
 */
final class IntakeProcessor extends ContextualProcessor<byte[], byte[], String, IntakeOutcome> {

    private final InputTopic input;
    private final RecordIntake intake;

    IntakeProcessor(InputTopic input, RecordIntake intake) {
        this.input = input;
        this.intake = intake;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        // A producer sets a record's timestamp itself: one stamped in 2099 would let an event time
        // of 2099 pass as "not after publication". The wall clock bounds it (replays are in the past).
        long publishedAt = Math.min(record.timestamp(), context().currentSystemTimeMs());
        IntakeResult result = intake.acceptFromTopic(input, record.key(), record.value(), publishedAt);
        if (result instanceof IntakeResult.Accepted accepted) {
            Header header = record.headers() == null ? null : record.headers().lastHeader(Provenance.HEADER);
            String publisher = Provenance.of(input, header == null ? null : header.value(), accepted.normalized());
            context().forward(new Record<>(accepted.id(), new Admitted(accepted, publisher, record.value()),
                    accepted.eventTime().toInstant().toEpochMilli()));
            return;
        }
        IntakeResult.Rejected rejected = (IntakeResult.Rejected) result;
        Optional<RecordMetadata> metadata = context().recordMetadata();
        String value = null;
        String encoding = null;
        if (record.value() != null) {
            Optional<String> text = StrictUtf8.decode(record.value());
            value = text.orElseGet(() -> Base64.getEncoder().encodeToString(record.value()));
            encoding = text.isPresent() ? null : "base64";
        }
        String key = record.key() == null ? null
                : StrictUtf8.decode(record.key()).orElseGet(() -> Base64.getEncoder().encodeToString(record.key()));
        DeadLetter deadLetter = new DeadLetter(input.topic(),
                metadata.map(RecordMetadata::partition).orElse(null),
                metadata.map(RecordMetadata::offset).orElse(null),
                key, value, encoding, rejected.error(), rejected.reason(),
                OffsetDateTime.ofInstant(Instant.ofEpochMilli(context().currentSystemTimeMs()), ZoneOffset.UTC));
        context().forward(new Record<>(deadLetter.key(), deadLetter, record.timestamp()));
    }
}
