package org.foodrisk.kafka;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A serde for an internal topic or store whose values moved from JSON to a compact binary form: it
 * writes the binary form (first byte: the format version, 1…122) and reads both — a value starting with
 * '{' is the JSON an earlier version of the service wrote (a repartition topic's backlog, a store
 * restored from its changelog), read as that version read it. So an upgrade needs no store reset and no
 * drained topics (docs/architecture.md, "Internal formats").
 *
 * <p>Why binary: a replay spent about a sixth of its stream thread's CPU writing and parsing the JSON of
 * signals between sub-topologies (issue 18's profile); the binary form also halves their bytes.
 */
public final class VersionedSerde<T> implements Serde<T> {

    private final Class<T> type;
    private final int expectedSize;
    private final BiConsumer<T, BinaryOut> writer;
    private final Function<BinaryIn, T> reader;

    /**
     * @param writer writes the value after the version byte, which the writer itself writes first
     * @param reader reads a value from its version byte on, to the end
     */
    public VersionedSerde(Class<T> type, int expectedSize, BiConsumer<T, BinaryOut> writer,
                          Function<BinaryIn, T> reader) {
        this.type = type;
        this.expectedSize = expectedSize;
        this.writer = writer;
        this.reader = reader;
    }

    public byte[] write(T value) {
        BinaryOut out = new BinaryOut(expectedSize);
        writer.accept(value, out);
        return out.toByteArray();
    }

    public T read(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == '{') {
            try {
                return Json.MAPPER.readValue(bytes, type);
            } catch (IOException e) {
                throw new SerializationException("Cannot read " + type.getSimpleName() + " (JSON)", e);
            }
        }
        try {
            BinaryIn in = new BinaryIn(bytes);
            T value = reader.apply(in);
            in.requireEnd();
            return value;
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : write(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }
}
