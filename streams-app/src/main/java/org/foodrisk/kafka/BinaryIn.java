package org.foodrisk.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads what {@link BinaryOut} wrote. A value cut short or with an impossible length fails with an
 * {@link IllegalArgumentException} (the serdes turn it into a SerializationException), never reads past
 * its end.
 */
public final class BinaryIn {

    private final byte[] bytes;
    private int position;

    public BinaryIn(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The format version (the first byte), checked against the versions the reader knows. */
    public int version(int newest) {
        int version = readByte();
        if (version < 1 || version > newest) {
            throw new IllegalArgumentException("unknown binary format version " + version + " (this reader knows 1…"
                    + newest + "): written by a newer version of the service?");
        }
        return version;
    }

    public int readByte() {
        require(1);
        return bytes[position++] & 0xFF;
    }

    public boolean readBoolean() {
        return readByte() != 0;
    }

    public long readUnsigned() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes at " + position);
    }

    public int readUnsignedInt() {
        long value = readUnsigned();
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("count " + value + " out of range at " + position);
        }
        return (int) value;
    }

    public long readSigned() {
        long raw = readUnsigned();
        return (raw >>> 1) ^ -(raw & 1);
    }

    public byte[] readFixed(int length) {
        require(length);
        byte[] value = new byte[length];
        System.arraycopy(bytes, position, value, 0, length);
        position += length;
        return value;
    }

    public String readText() {
        int lengthPlusOne = readUnsignedInt();
        if (lengthPlusOne == 0) {
            return null;
        }
        int length = lengthPlusOne - 1;
        require(length);
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    public List<String> readTexts() {
        int count = readUnsignedInt();
        require(count); // each text takes at least one byte: a corrupt count fails here, not in an allocation
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readText());
        }
        return values;
    }

    /** What {@link BinaryOut#writeCountByText} wrote, sorted by key. */
    public Map<String, Long> readCountByText() {
        Map<String, Long> counts = new TreeMap<>();
        for (int i = readUnsignedInt(); i > 0; i--) {
            counts.put(readText(), readSigned());
        }
        return counts;
    }

    /** What {@link BinaryOut#writeCountsByText} wrote, sorted by key; at most 64 counts under one key. */
    public Map<String, long[]> readCountsByText() {
        Map<String, long[]> counts = new TreeMap<>();
        for (int i = readUnsignedInt(); i > 0; i--) {
            String key = readText();
            int length = readUnsignedInt();
            if (length > 64) {
                throw new IllegalArgumentException(length + " counts under one key at " + position);
            }
            long[] values = new long[length];
            for (int j = 0; j < length; j++) {
                values[j] = readSigned();
            }
            counts.put(key, values);
        }
        return counts;
    }

    public OffsetDateTime readTime() {
        if (readByte() == 0) {
            return null;
        }
        long seconds = readSigned();
        long nanos = readUnsigned();
        long offset = readSigned();
        if (nanos > 999_999_999L || Math.abs(offset) > 18 * 3600) {
            throw new IllegalArgumentException("not a time: nanos " + nanos + ", offset " + offset);
        }
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), ZoneOffset.ofTotalSeconds((int) offset));
    }

    /** True when every byte was read: a reader checks it so that a value with trailing garbage is refused. */
    public boolean atEnd() {
        return position == bytes.length;
    }

    public void requireEnd() {
        if (!atEnd()) {
            throw new IllegalArgumentException((bytes.length - position) + " unread bytes after the value");
        }
    }

    private void require(int length) {
        if (length < 0 || length > bytes.length - position) {
            throw new IllegalArgumentException("value cut short: " + length + " bytes needed at " + position + " of "
                    + bytes.length);
        }
    }
}
