package org.foodrisk.topology;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalBinary;
import org.foodrisk.kafka.BinaryIn;
import org.foodrisk.kafka.BinaryOut;
import org.foodrisk.kafka.VersionedSerde;

import java.util.HexFormat;

/**
 * What the dedup store remembers of a record id: the fingerprint of its latest accepted version
 * (to recognise a re-delivery), the signal it produced (to retract it when a correction replaces
 * it) and who published it (only that publisher may correct it: {@link org.foodrisk.ingest.Provenance}).
 *
 * <p>Stored in binary ({@link #SERDE}, format 2): the first 16 bytes of the SHA-256 (128 bits: it is only ever
 * compared with the next version of the same id, where a collision has probability 2<sup>−128</sup>), and the
 * signal in {@link SignalBinary} without its id, which is the store key. Why: the dedup stores hold one value for
 * every record ever published — 127 bytes per id on disk after the national year with the whole digest and the
 * id repeated (issue 18's goal is ≤ 100). Format 1 (the whole digest, the id kept) and the JSON written before
 * it are still read: a stored whole digest matches on its first 128 bits ({@link #sameContent}), and
 * {@link #retraction} restores the id from the key whichever format held the signal.
 *
 * @param publisher null for a record stored before publishers were kept: then the next version
 *                  that changes it is accepted as a correction and its publisher becomes the
 *                  record's (nothing is known of the original's publisher; a re-delivery changes
 *                  nothing and records nothing)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeenRecord(String fingerprint, Signal signal, String publisher) {

    static final VersionedSerde<SeenRecord> SERDE =
            new VersionedSerde<>(SeenRecord.class, 320, SeenRecord::write, SeenRecord::read);

    private static final int VERSION = 2;
    private static final HexFormat HEX = HexFormat.of();
    private static final int DIGEST_HEX_LENGTH = 64;
    /** The stored prefix of the digest: 128 bits. */
    static final int STORED_HEX_LENGTH = 32;
    private static final int TEXT = 0;
    private static final int DIGEST = 1;

    /**
     * Whether a record whose fingerprint is {@code digestHex} (the whole SHA-256, {@link DedupProcessor#fingerprint})
     * is the version this id last had: a re-delivery.
     */
    boolean sameContent(String digestHex) {
        return fingerprint.length() == STORED_HEX_LENGTH && digestHex.length() == DIGEST_HEX_LENGTH
                ? digestHex.startsWith(fingerprint)
                : fingerprint.equals(digestHex);
    }

    /** The signal of this id's last version as a retraction, its id (the store key, not stored again) restored. */
    Signal retraction(String id) {
        return signal.withId(id).retraction();
    }

    /** As {@link #SERDE} reads it back: the digest's stored prefix, the signal without its id. */
    SeenRecord asStored() {
        return new SeenRecord(isDigest(fingerprint) ? fingerprint.substring(0, STORED_HEX_LENGTH) : fingerprint,
                signal == null ? null : signal.withId(null), publisher);
    }

    private static void write(SeenRecord seen, BinaryOut out) {
        out.version(VERSION);
        String fingerprint = seen.fingerprint();
        if (isDigest(fingerprint)) {
            out.writeByte(DIGEST);
            out.writeFixed(HEX.parseHex(fingerprint, 0, STORED_HEX_LENGTH));
        } else {
            out.writeByte(TEXT);
            out.writeText(fingerprint);
        }
        out.writeText(seen.publisher());
        out.writeBoolean(seen.signal() != null);
        if (seen.signal() != null) {
            SignalBinary.write(seen.signal().withId(null), out);
        }
    }

    private static SeenRecord read(BinaryIn in) {
        int version = in.version(VERSION);
        // Format 1: a boolean, then the whole digest; format 2: a tag, then the digest's first 16 bytes.
        int digestBytes = (version == 1 ? DIGEST_HEX_LENGTH : STORED_HEX_LENGTH) / 2;
        String fingerprint = in.readByte() == DIGEST ? HEX.formatHex(in.readFixed(digestBytes)) : in.readText();
        String publisher = in.readText();
        Signal signal = in.readBoolean() ? SignalBinary.read(in) : null;
        return new SeenRecord(fingerprint, signal, publisher);
    }

    /** A SHA-256 in lower-case hex, whole or its stored prefix; anything else is kept as text. */
    private static boolean isDigest(String fingerprint) {
        return fingerprint != null && (fingerprint.length() == DIGEST_HEX_LENGTH || fingerprint.length() == STORED_HEX_LENGTH)
                && isLowerHex(fingerprint);
    }

    private static boolean isLowerHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
