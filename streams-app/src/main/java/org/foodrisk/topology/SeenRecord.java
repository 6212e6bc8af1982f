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
 * <p>Stored in binary ({@link #SERDE}: the SHA-256 as its 32 bytes, not 64 hex characters, and the signal
 * in {@link SignalBinary}); values written as JSON before are still read.
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

    private static final int VERSION = 1;
    private static final HexFormat HEX = HexFormat.of();
    private static final int DIGEST_HEX_LENGTH = 64;

    private static void write(SeenRecord seen, BinaryOut out) {
        out.version(VERSION);
        String fingerprint = seen.fingerprint();
        boolean digest = fingerprint != null && fingerprint.length() == DIGEST_HEX_LENGTH && isLowerHex(fingerprint);
        out.writeBoolean(digest);
        if (digest) {
            out.writeFixed(HEX.parseHex(fingerprint));
        } else {
            out.writeText(fingerprint);
        }
        out.writeText(seen.publisher());
        out.writeBoolean(seen.signal() != null);
        if (seen.signal() != null) {
            SignalBinary.write(seen.signal(), out);
        }
    }

    private static SeenRecord read(BinaryIn in) {
        in.version(VERSION);
        String fingerprint = in.readBoolean() ? HEX.formatHex(in.readFixed(DIGEST_HEX_LENGTH / 2)) : in.readText();
        String publisher = in.readText();
        Signal signal = in.readBoolean() ? SignalBinary.read(in) : null;
        return new SeenRecord(fingerprint, signal, publisher);
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
