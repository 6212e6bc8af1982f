package org.foodrisk.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.foodrisk.topic.Topic;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * For an app under test that starts at the end of the shared test broker's input topics
 * ({@code auto.offset.reset=latest}), so that it sees its own test's records and not the backlog the
 * other integration tests of the JVM left there (their event times, some of them today's, would move
 * its clocks).
 *
 * <p>A record published before the app's consumer has looked up the end of its partition is skipped,
 * and whatever it should have caused never comes: wait for {@link #await} first. A partition has a
 * records-lag metric once the consumer has fetched from a position on it.
 */
public final class ReadsFromTheEnd {

    private ReadsFromTheEnd() {
    }

    /** Waits until the app's consumer has a position on every partition of the topics. */
    public static void await(KafkaStreams streams, Duration patience, Collection<? extends Topic<?, ?>> topics)
            throws Exception {
        Map<String, Integer> partitions = new HashMap<>();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
            admin.describeTopics(topics.stream().map(Topic::name).toList()).allTopicNames().get(30, TimeUnit.SECONDS)
                    .forEach((topic, description) -> partitions.put(topic, description.partitions().size()));
        }
        Instant deadline = Instant.now().plus(patience);
        Map<String, Set<String>> positioned = new HashMap<>();
        while (Instant.now().isBefore(deadline)) {
            positioned.clear();
            streams.metrics().keySet().stream()
                    .filter(name -> name.name().equals("records-lag") && name.tags().containsKey("partition"))
                    .forEach(name -> partitions.keySet().stream()
                            .filter(topic -> topic.equals(name.tags().get("topic"))
                                    || topic.replace('.', '_').equals(name.tags().get("topic")))
                            .forEach(topic -> positioned.computeIfAbsent(topic, t -> new HashSet<>())
                                    .add(name.tags().get("partition"))));
            if (partitions.entrySet().stream().allMatch(e ->
                    positioned.getOrDefault(e.getKey(), Set.of()).size() == e.getValue())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the app has no position on every partition of " + partitions + ": " + positioned);
    }
}
