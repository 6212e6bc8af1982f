package org.foodrisk.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Who published an input record: part of the record's identity, so that only the publisher of a
 * record may correct it (issue 14, cross-publisher overwrite). A publisher is a short text with a
 * prefix saying where it comes from:
 *
 * <ul>
 *   <li>{@code lab:<labCode>} — a sampling result, by its {@code labCode} (or {@code lab-name:<lab>}
 *       should a record ever carry only {@code lab}; the contract requires {@code labCode});</li>
 *   <li>{@code hospital:<reportingUnit>} — an illness report;</li>
 *   <li>{@code channel:<channel>} — a complaint;</li>
 *   <li>{@code source:<source>} — an opinion signal;</li>
 *   <li>{@code api:<credential name>} — a record the HTTP ingestion API wrote for a hotline or
 *       opinion credential (see below).</li>
 * </ul>
 *
 * <p><b>Where it is read.</b> The HTTP ingestion API writes the publisher of every record it
 * accepts in the Kafka header {@value #HEADER}, from the credential that authenticated the request
 * (never from the body). A lab or hospital credential may publish only its own {@code labCode} /
 * {@code reportingUnit} (IngestPolicy), so its header is exactly the publisher its content names:
 * {@code lab:<labCode>}, {@code hospital:<reportingUnit>} — a lab may therefore correct over HTTP what
 * it first sent by Kafka, and the other way round. A hotline or opinion credential is not bound to a
 * {@code channel} or {@code source}, so its header is {@code api:<credential name>}: another hotline
 * cannot correct its complaints by writing the same channel. The admin credential (the 食安办, which
 * may publish under any identity) acts as the identity its record names: its header is the content's
 * publisher, so it can enter and correct a lab's record on the lab's behalf, as it always could.
 *
 * <p>A record without the header (written to Kafka directly: a lab's own producer, the file
 * connector) is identified by its content — the field above. <b>That is a claim, not a proof:</b> a
 * Kafka writer can put any {@code labCode} in a record, and any header on it. What stops a lab from
 * writing as another lab is who may write the input topics at all — Kafka ACLs (in the secured
 * setup only the service's own user writes them, so every record arrives through the API and its
 * header is the authenticated credential; a deployment that lets labs write directly should give
 * each lab its own principal and trust it only as far as its content). Provenance turns an
 * honest mistake or a lab's misbehaviour <em>through the API</em> into a refused, counted dead
 * letter; against a forging Kafka writer it only stops overwrites by writers who do not bother to
 * forge.
 */
public final class Provenance {

    /** The Kafka header the HTTP ingestion API sets on every record it writes: the authenticated publisher. */
    public static final String HEADER = "foodrisk-publisher";

    /** A header longer than this is not one the API wrote: ignored (the record's content names its publisher). */
    static final int MAX_HEADER_CHARS = 300;

    private Provenance() {
    }

    /** The publisher a record's own content names (see the class comment for each input), or null when it names none. */
    public static String ofContent(InputTopic input, JsonNode record) {
        if (record == null || !record.isObject()) {
            return null;
        }
        return switch (input) {
            case SAMPLING_RESULTS -> {
                String labCode = text(record, "labCode");
                if (labCode != null) {
                    yield "lab:" + labCode;
                }
                String lab = text(record, "lab");
                yield lab == null ? null : "lab-name:" + lab;
            }
            case ILLNESS_REPORTS -> prefixed("hospital:", text(record, "reportingUnit"));
            case COMPLAINTS -> prefixed("channel:", text(record, "channel"));
            case OPINION_SIGNALS -> prefixed("source:", text(record, "source"));
        };
    }

    /**
     * The publisher of a record read from its topic: the API's header when the record has a
     * usable one, else what its content names.
     *
     * @param header the value of the last {@value #HEADER} header, or null
     */
    public static String of(InputTopic input, byte[] header, ObjectNode normalized) {
        return fromHeader(header).orElseGet(() -> ofContent(input, normalized));
    }

    /** The header's publisher: valid UTF-8, not blank, at most {@value #MAX_HEADER_CHARS} characters; else empty. */
    static Optional<String> fromHeader(byte[] header) {
        if (header == null) {
            return Optional.empty();
        }
        return StrictUtf8.decode(header).map(String::strip)
                .filter(text -> !text.isEmpty() && text.length() <= MAX_HEADER_CHARS);
    }

    /** The header value the API writes for a publisher, e.g. {@code lab:TJFS001}: its UTF-8 bytes. */
    public static byte[] header(String publisher) {
        return publisher.getBytes(StandardCharsets.UTF_8);
    }

    private static String prefixed(String prefix, String value) {
        return value == null ? null : prefix + value;
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
