package org.foodrisk.topology;

import org.foodrisk.ingest.LogSafe;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.foodrisk.operations.OutputCounters;
import org.foodrisk.topic.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * When an output record cannot be written because it is too large for its topic, or cannot be
 * serialized, writes a dead letter saying which record (key, topic, size) and why, and goes on.
 * Kafka's default fails the stream thread, and since the same input makes the same output after a
 * restart, one oversized record stopped the service for good (issue 14). Other errors go to Kafka's
 * default (retry what is retriable, fail on the rest).
 *
 * <p>The dead letter carries no value: the value is what was too large. Under exactly-once, a
 * record the producer itself refused leaves the transaction aborted whatever this handler answers,
 * so the stream still replays it; that is why the topology checks sizes before it writes (alerts:
 * {@link org.foodrisk.alert.AlertBounds}) and this handler is the last resort. A serialization
 * error, raised before the producer sees the record, is handled cleanly in either guarantee.
 *
 * <p>Configured in the shared Kafka Streams properties (runtime/StreamsProperties); {@value #COUNTERS_CONFIG} may hold the
 * {@link OutputCounters} that count dead letters for operations.
 */
public class DeadLetteringProductionHandler implements ProductionExceptionHandler {

    /** Streams property holding the {@link OutputCounters} instance (not a string: passed as an object). */
    public static final String COUNTERS_CONFIG = "foodrisk.output.counters";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringProductionHandler.class);

    private final DefaultProductionExceptionHandler otherwise = new DefaultProductionExceptionHandler();
    private OutputCounters counters = OutputCounters.NONE;
    private Clock clock = Clock.systemUTC();

    @Override
    public void configure(Map<String, ?> configs) {
        otherwise.configure(configs);
        if (configs.get(COUNTERS_CONFIG) instanceof OutputCounters given) {
            counters = given;
        }
    }

    /** For tests: the clock that dates dead letters. */
    DeadLetteringProductionHandler withClock(Clock newClock) {
        this.clock = newClock;
        return this;
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (!(exception instanceof RecordTooLargeException)) {
            return otherwise.handleError(context, record, exception);
        }
        int bytes = size(record.key()) + size(record.value());
        return deadLettered(context, record.topic(), keyText(record.key()), "output-too-large",
                "a record of " + bytes + " bytes (key and value) for " + record.topic() + " was refused: "
                        + exception.getMessage());
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        return deadLettered(context, record.topic(), record.key() == null ? null : String.valueOf(record.key()),
                "output-serialization", "the " + origin.name().toLowerCase(Locale.ROOT) + " of a record for "
                        + record.topic() + " could not be serialized: " + exception);
    }

    private Response deadLettered(ErrorHandlerContext context, String topic, String key, String error,
                                  String reason) {
        String input = context == null || context.topic() == null ? "(punctuation)"
                : context.topic() + "-" + context.partition() + "@" + context.offset();
        LOG.error("Output record for {} with key {} not written ({}), while processing {}; dead-lettered, going on: {}",
                topic, LogSafe.quote(key), error, input, LogSafe.quote(reason));
        Topic<String, DeadLetter> deadLetters = DeadLetterTopic.DEAD_LETTERS;
        if (deadLetters.name().equals(topic)) {
            // A dead letter about a dead letter would meet the same fate: log it and go on.
            return Response.resume();
        }
        DeadLetter letter = new DeadLetter(topic, null, null, key, null, null, error,
                reason + " (while processing " + input + ")", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        counters.deadLetter(letter);
        // Bytes, as a production handler hands them on: serialized here with the topic's own serdes.
        return Response.resume(List.of(new ProducerRecord<>(deadLetters.name(), null,
                deadLetters.keySerde().serializer().serialize(deadLetters.name(), key),
                deadLetters.valueSerde().serializer().serialize(deadLetters.name(), letter))));
    }

    private static String keyText(byte[] key) {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    private static int size(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
