package org.foodrisk.topology;

import org.apache.kafka.streams.StreamsConfig;

import java.util.Properties;

/**
 * How large a record the service writes, in one place, so that topics and producer agree
 * (issue 14: the producer allowed 5 MiB, the topics 1 MiB, and nothing said which counts).
 *
 * <ul>
 *   <li>Every topic of topics.json takes {@value #TOPIC_MAX_MESSAGE_BYTES} bytes, except the
 *   dead-letter topic: {@value #DEAD_LETTER_MAX_MESSAGE_BYTES} (a dead letter wraps an input of up
 *   to 1 MiB, base64 when it is not UTF-8, plus the error).</li>
 *   <li>The internal topics Kafka Streams creates (store changelogs, repartition topics) take the
 *   same {@value #TOPIC_MAX_MESSAGE_BYTES}, set here rather than left to the broker's default, so
 *   the alerts store's changelog takes exactly what foodrisk.alerts.v1 takes.</li>
 *   <li>The producer is one per stream thread and writes to all of them, so its
 *   {@code max.request.size} is the largest topic's limit, {@value #DEAD_LETTER_MAX_MESSAGE_BYTES}: it
 *   never sends a record no topic could take. That the other topics get at most
 *   {@value #TOPIC_MAX_MESSAGE_BYTES} is kept by bounding what is written (alerts:
 *   {@link org.foodrisk.alert.AlertBounds}, at most 768 KiB), and, as the last resort,
 *   {@link DeadLetteringProductionHandler}.</li>
 * </ul>
 */
public final class RecordSizes {

    /** max.message.bytes of every contract and internal topic but the dead letters (topics.json). */
    public static final int TOPIC_MAX_MESSAGE_BYTES = 1024 * 1024;
    /** max.message.bytes of foodrisk.dead-letters.v1 (topics.json), the largest topic. */
    public static final int DEAD_LETTER_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

    private RecordSizes() {
    }

    /** Sets the producer's request size and the internal topics' message size on Kafka Streams properties. */
    public static void configure(Properties props) {
        props.put(StreamsConfig.producerPrefix("max.request.size"), DEAD_LETTER_MAX_MESSAGE_BYTES);
        props.put(StreamsConfig.topicPrefix("max.message.bytes"), String.valueOf(TOPIC_MAX_MESSAGE_BYTES));
    }
}
