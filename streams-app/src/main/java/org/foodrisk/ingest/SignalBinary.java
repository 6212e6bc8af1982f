package org.foodrisk.ingest;

import org.foodrisk.kafka.BinaryIn;
import org.foodrisk.kafka.BinaryOut;
import org.foodrisk.kafka.VersionedSerde;

import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link Signal} between sub-topologies and in stores (version 1): every field in
 * declaration order, texts as UTF-8, times with their own offset. Field names are not written, so a new
 * field means a new version here (read the old one with a default) — never a reordering.
 */
public final class SignalBinary {

    /** The serde of signals on internal topics; reads the JSON written before it too. */
    public static final VersionedSerde<Signal> SERDE =
            new VersionedSerde<>(Signal.class, 256, SignalBinary::writeVersioned, SignalBinary::readVersioned);

    private static final int VERSION = 1;

    private SignalBinary() {
    }

    private static void writeVersioned(Signal signal, BinaryOut out) {
        out.version(VERSION);
        write(signal, out);
    }

    private static Signal readVersioned(BinaryIn in) {
        in.version(VERSION);
        return read(in);
    }

    /** Writes the signal without a version byte (for a value that embeds it after its own). */
    public static void write(Signal signal, BinaryOut out) {
        out.writeByte(typeCode(signal.type()));
        out.writeText(signal.id());
        out.writeSigned(signal.sign());
        out.writeTime(signal.eventTime());
        out.writeText(signal.districtCode());
        out.writeText(signal.districtName());
        out.writeText(signal.foodCategory());
        out.writeText(signal.foodName());
        out.writeText(signal.stage());
        out.writeText(signal.agency());
        out.writeBoolean(signal.failed());
        out.writeUnsigned(signal.findings().size());
        for (Signal.Finding finding : signal.findings()) {
            out.writeText(finding.item());
            out.writeText(finding.hazardClass());
            out.writeText(finding.result());
            out.writeText(finding.unit());
            out.writeText(finding.limit());
            out.writeText(finding.standard());
            out.writeText(finding.criticalKind());
            out.writeText(finding.substance());
        }
        out.writeText(signal.enterpriseKey());
        out.writeText(signal.enterpriseName());
        Signal.Place place = signal.place();
        out.writeBoolean(place != null);
        if (place != null) {
            out.writeText(place.key());
            out.writeText(place.name());
            out.writeText(place.type());
            out.writeTime(place.exposureAt());
        }
        out.writeSigned(signal.weight());
        out.writeTexts(signal.tags());
        out.writeText(signal.summary());
        out.writeTime(signal.reportedAt());
    }

    /** Reads what {@link #write} wrote. */
    public static Signal read(BinaryIn in) {
        SignalType type = typeOf(in.readByte());
        String id = in.readText();
        int sign = (int) in.readSigned();
        var eventTime = in.readTime();
        String districtCode = in.readText();
        String districtName = in.readText();
        String foodCategory = in.readText();
        String foodName = in.readText();
        String stage = in.readText();
        String agency = in.readText();
        boolean failed = in.readBoolean();
        int findingCount = in.readUnsignedInt();
        List<Signal.Finding> findings = new ArrayList<>(Math.min(findingCount, 64));
        for (int i = 0; i < findingCount; i++) {
            findings.add(new Signal.Finding(in.readText(), in.readText(), in.readText(), in.readText(), in.readText(),
                    in.readText(), in.readText(), in.readText()));
        }
        String enterpriseKey = in.readText();
        String enterpriseName = in.readText();
        Signal.Place place = in.readBoolean()
                ? new Signal.Place(in.readText(), in.readText(), in.readText(), in.readTime())
                : null;
        long weight = in.readSigned();
        List<String> tags = in.readTexts();
        String summary = in.readText();
        var reportedAt = in.readTime();
        return new Signal(type, id, sign, eventTime, districtCode, districtName, foodCategory, foodName, stage, agency,
                failed, findings, enterpriseKey, enterpriseName, place, weight, tags, summary, reportedAt);
    }

    // Codes fixed here, not the enum's ordinals: reordering the enum must not change what stored bytes mean.
    private static int typeCode(SignalType type) {
        return switch (type) {
            case SAMPLING -> 1;
            case ILLNESS -> 2;
            case COMPLAINT -> 3;
            case OPINION -> 4;
        };
    }

    private static SignalType typeOf(int code) {
        return switch (code) {
            case 1 -> SignalType.SAMPLING;
            case 2 -> SignalType.ILLNESS;
            case 3 -> SignalType.COMPLAINT;
            case 4 -> SignalType.OPINION;
            default -> throw new IllegalArgumentException("unknown signal type code " + code);
        };
    }
}
