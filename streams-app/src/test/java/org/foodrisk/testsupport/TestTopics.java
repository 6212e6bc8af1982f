package org.foodrisk.testsupport;

import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.foodrisk.topic.Topic;

/**
 * A TopologyTestDriver's topics with the serdes of their {@link Topic}, so that no test pairs a topic with the
 * wrong (de)serializer. The inputs and action topics are raw bytes in the registry; a test writing their JSON as
 * text takes {@code TypedTopics.SAMPLING_RESULTS.asText()}, and one reading an output as text on purpose (to
 * check the JSON itself) takes {@code TypedTopics.ALERTS.asText()}.
 */
public final class TestTopics {

    private TestTopics() {
    }

    public static <K, V> TestInputTopic<K, V> input(TopologyTestDriver driver, Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    public static <K, V> TestOutputTopic<K, V> output(TopologyTestDriver driver, Topic<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }
}
