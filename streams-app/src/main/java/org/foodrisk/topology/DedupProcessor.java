package org.foodrisk.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.ingest.BoundedText;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.ingest.IntakeResult;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalExtractor;
import org.foodrisk.ingest.StrictUtf8;
import org.foodrisk.kafka.Json;
import org.foodrisk.operations.OutputCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.util.Collections;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes "the same id counts once" true, and only its publisher may change it. A record whose id was
 * seen with the same content is a re-delivery and is dropped; one with new content from the same
 * publisher is a correction: the signal of the previous version is retracted (sign −1) and the new
 * one counted, so every aggregate downstream stays exact however often a lab corrects a report.
 *
 * <p>New content under an id from <em>another</em> publisher is not a correction: it is refused
 * as a dead letter ({@value #OWNED_BY_ANOTHER}, the reason naming both publishers, not the
 * original's content) and the original keeps counting — otherwise one lab could erase another's
 * failure by republishing its sampleId as 合格 (issue 14). Who the publisher is:
 * {@link org.foodrisk.ingest.Provenance} (the HTTP API's header, else the record's own
 * labCode / reportingUnit / channel / source). Identical content from another publisher is still
 * a re-delivery: it changes nothing, so there is nothing to refuse. A record stored before
 * publishers were kept has none: its next changed version is accepted and names its publisher
 * ({@link SeenRecord}).
 *
 * <p>The fingerprint is taken over the normalized record with its keys sorted, so that a
 * publisher re-serializing the same record with another field order is still a re-delivery.
 *
 * <p>Every accepted new record or correction also counts towards its publisher's hourly volume
 * ({@link PublisherVolume}); an hour far above the publisher's own baseline is logged and counted.
 */
final class DedupProcessor extends ContextualProcessor<String, IntakeOutcome, String, DedupOutcome> {

    /** The dead letter's error code for new content under an id another publisher owns. */
    static final String OWNED_BY_ANOTHER = "id-owned-by-another-publisher";

    private static final Logger LOG = LoggerFactory.getLogger(DedupProcessor.class);

    // A MessageDigest is not thread-safe, and looking one up per record was a measurable share of dedup.
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final String storeName;
    private final InputTopic input;
    private final OutputCounters counters;
    private final PublisherVolume volume = new PublisherVolume();
    private KeyValueStore<String, SeenRecord> seen;

    DedupProcessor(String storeName, InputTopic input, OutputCounters counters) {
        this.storeName = storeName;
        this.input = input;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, DedupOutcome> context) {
        super.init(context);
        seen = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, IntakeOutcome> record) {
        Admitted admitted = record.value().admitted(); // never null: filter-accepted-* lets only admitted records through
        IntakeResult.Accepted accepted = admitted.accepted();
        String publisher = admitted.publisher();
        String fingerprint = fingerprint(accepted.normalized());
        SeenRecord previous = seen.get(accepted.id());
        if (previous != null && previous.sameContent(fingerprint)) {
            return;
        }
        if (previous != null && previous.publisher() != null && !previous.publisher().equals(publisher)) {
            refuse(record, admitted, previous.publisher());
            return;
        }
        Signal signal = SignalExtractor.extract(accepted);
        if (previous != null && previous.signal() != null) {
            Signal retraction = previous.retraction(accepted.id());
            context().forward(new Record<>(accepted.id(), new DedupOutcome.Counted(retraction),
                    retraction.eventTime().toInstant().toEpochMilli()));
        }
        seen.put(accepted.id(), new SeenRecord(fingerprint, signal.forRetraction(), publisher));
        // The input's headers stay behind: they are the publisher's, not the signal's.
        context().forward(new Record<>(accepted.id(), new DedupOutcome.Counted(signal), record.timestamp()));
        if (publisher != null) {
            volume.record(publisher, context().currentSystemTimeMs()).ifPresent(this::flag);
        }
    }

    private void refuse(Record<String, IntakeOutcome> record, Admitted admitted, String owner) {
        String id = admitted.accepted().id();
        String reason = input.idField() + " '" + BoundedText.bounded(id, 200) + "' was first published by " + owner
                + "; " + (admitted.publisher() == null ? "a record that names no publisher" : admitted.publisher())
                + " may not replace it (a correction is accepted only from the publisher of the original). "
                + "The original version still counts; if this is a different record, give it its own "
                + input.idField() + ".";
        Optional<RecordMetadata> metadata = context().recordMetadata();
        String value = admitted.value() == null ? null : StrictUtf8.decode(admitted.value()).orElse(null);
        DeadLetter deadLetter = new DeadLetter(input.topic(),
                metadata.map(RecordMetadata::partition).orElse(null),
                metadata.map(RecordMetadata::offset).orElse(null),
                id, value, null, OWNED_BY_ANOTHER, reason,
                OffsetDateTime.ofInstant(Instant.ofEpochMilli(context().currentSystemTimeMs()), ZoneOffset.UTC));
        context().forward(new Record<>(id, deadLetter, record.timestamp()));
    }

    private void flag(PublisherVolume.Anomaly anomaly) {
        LOG.warn("Publisher volume anomaly on {}: {} sent {} records in the hour from {}, against a usual {} an hour "
                        + "(this task's share); look at what it sent (foodrisk_publisher_volume_anomalies_total)",
                input.topic(), printable(anomaly.publisher()), anomaly.records(), anomaly.hour(),
                String.format(Locale.ROOT, "%.1f", anomaly.baselinePerHour()));
        counters.publisherVolumeAnomaly(input);
    }

    /** A publisher as a Kafka writer may have spelt it, safe for one log line: no control characters, bounded. */
    static String printable(String publisher) {
        return BoundedText.bounded(publisher.replaceAll("\\p{Cntrl}", "?"), 200);
    }

    /** What a scalar node is given to write itself with: the mapper's own provider (numbers, text, booleans). */
    private static final SerializerProvider SCALARS = Json.MAPPER.getSerializerProviderInstance();

    /**
     * SHA-256 over the record as compact JSON with every object's keys sorted, streamed into the digest: the
     * same bytes (so the same fingerprints the dedup stores hold) as writing a key-sorted copy of the tree,
     * without building the copy.
     */
    static String fingerprint(ObjectNode normalized) {
        MessageDigest digest = sha256();
        try (JsonGenerator generator = Json.MAPPER.getFactory()
                .createGenerator(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
            writeSorted(normalized, generator);
        } catch (IOException e) {
            throw new IllegalStateException("cannot fingerprint a parsed record", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void writeSorted(JsonNode node, JsonGenerator generator) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            generator.writeStartObject();
            for (String name : names) {
                generator.writeFieldName(name);
                writeSorted(node.get(name), generator);
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                writeSorted(element, generator);
            }
            generator.writeEndArray();
        } else if (node.isNull()) {
            generator.writeNull();
        } else {
            // A scalar writes itself (what the mapper's writeTree ends in, without looking up a serializer for it
            // per value: issue 18, a visible share of dedup in the million-result replay's profile).
            node.serialize(generator, SCALARS);
        }
    }

    private static MessageDigest sha256() {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return digest;
    }
}
