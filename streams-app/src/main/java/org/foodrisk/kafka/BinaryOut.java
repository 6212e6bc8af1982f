package org.foodrisk.kafka;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes the service's compact binary values (internal topics and stores): unsigned LEB128 varints,
 * zig-zag for signed numbers, texts as UTF-8 with their length. Nullable values carry their presence
 * in the length (0 = null), so an absent optional field costs one byte.
 *
 * <p>Hand-written rather than a schema library (Avro, Protobuf) because the values are few and
 * internal, never read by anyone but this service, and a versioned first byte ({@link #version})
 * is all the evolution they need: every reader also reads the JSON written before (issue 18).
 * Not thread-safe; one instance per value written.
 */
public final class BinaryOut {

    private byte[] bytes;
    private int size;

    public BinaryOut(int expectedSize) {
        bytes = new byte[Math.max(16, expectedSize)];
    }

    /** The format version, always the first byte; never '{' (0x7B), which starts the JSON it replaces. */
    public BinaryOut version(int version) {
        if (version <= 0 || version >= '{') {
            throw new IllegalArgumentException("a version must be 1…122, got " + version);
        }
        return writeByte(version);
    }

    public BinaryOut writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
        return this;
    }

    public BinaryOut writeBoolean(boolean value) {
        return writeByte(value ? 1 : 0);
    }

    public BinaryOut writeUnsigned(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
        return this;
    }

    public BinaryOut writeSigned(long value) {
        return writeUnsigned((value << 1) ^ (value >> 63));
    }

    /** Raw bytes of a known length (a digest), no length written. */
    public BinaryOut writeFixed(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
        return this;
    }

    public BinaryOut writeText(String value) {
        if (value == null) {
            return writeUnsigned(0);
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeUnsigned(utf8.length + 1L);
        return writeFixed(utf8);
    }

    public BinaryOut writeTexts(List<String> values) {
        writeUnsigned(values.size());
        for (String value : values) {
            writeText(value);
        }
        return this;
    }

    /** Counts by text key (a tally's categories, agencies): each key, then its count. */
    public BinaryOut writeCountByText(Map<String, Long> counts) {
        writeUnsigned(counts.size());
        counts.forEach((key, count) -> writeText(key).writeSigned(count));
        return this;
    }

    /** Arrays of counts by text key (a tally's {@code [tested, failed]}, a target's {@code [counted, failed, unplaced]}). */
    public BinaryOut writeCountsByText(Map<String, long[]> counts) {
        writeUnsigned(counts.size());
        counts.forEach((key, values) -> {
            writeText(key).writeUnsigned(values.length);
            for (long value : values) {
                writeSigned(value);
            }
        });
        return this;
    }

    /** A time with its own offset (the record's, kept as the JSON kept it): seconds, nanos, offset seconds. */
    public BinaryOut writeTime(OffsetDateTime value) {
        if (value == null) {
            return writeByte(0);
        }
        writeByte(1);
        writeSigned(value.toEpochSecond());
        writeUnsigned(value.getNano());
        return writeSigned(value.getOffset().getTotalSeconds());
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
