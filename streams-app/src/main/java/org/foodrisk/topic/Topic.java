package org.foodrisk.topic;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import java.util.Map;

/**
 * A topic with the serdes of its keys and values, so that whoever reads or writes it (the topology, the
 * API's publishers, the demo, the tests, the benchmarks) cannot pair its name with the wrong serde. The
 * topics of the service are the constants of {@link TypedTopics}; their names come from
 * {@code org.foodrisk.topics.Topics}, the one list of names.
 *
 * <p>As Confluent's kafka-streams-examples {@code Schemas.Topics}, with the Kafka Streams and client
 * objects it takes one call to build.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    /** How a source node reads this topic; {@code processorName} is the node's name, pinned by the topology description. */
    public Consumed<K, V> consumed(String processorName) {
        return Consumed.with(keySerde, valueSerde).withName(processorName);
    }

    /** How a sink node writes this topic; {@code processorName} is the node's name, pinned by the topology description. */
    public Produced<K, V> produced(String processorName) {
        return Produced.with(keySerde, valueSerde).withName(processorName);
    }

    /** A record for this topic (partition and timestamp left to the producer). */
    public ProducerRecord<K, V> record(K key, V value) {
        return new ProducerRecord<>(name, key, value);
    }

    /**
     * A record for this topic on a given partition, with a given timestamp (either null: the producer's choice),
     * for a writer that must reach every partition or date its records (the integration tests' clock ticks).
     */
    public ProducerRecord<K, V> record(Integer partition, Long timestamp, K key, V value) {
        return new ProducerRecord<>(name, partition, timestamp, key, value);
    }

    /** A producer with this topic's serializers; the caller closes it. */
    public KafkaProducer<K, V> producer(Map<String, Object> config) {
        return new KafkaProducer<>(config, keySerde.serializer(), valueSerde.serializer());
    }

    /** A consumer with this topic's deserializers; the caller closes it. */
    public KafkaConsumer<K, V> consumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, keySerde.deserializer(), valueSerde.deserializer());
    }

    /**
     * The same topic as UTF-8 text, key and value: for those who write the contract's JSON as text (the demo,
     * the API's publishers of actions, the tests) or read it as text on purpose. The bytes are the same: the
     * service's JSON is UTF-8, and a topic read as raw bytes ({@link TypedTopics#SAMPLING_RESULTS} …) is
     * written as text by every producer but a hostile one.
     */
    public Topic<String, String> asText() {
        return new Topic<>(name, Serdes.String(), Serdes.String());
    }
}
