package org.foodrisk.it.exactlyonce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.foodrisk.kafka.Json;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.topology.DeadLetterTopic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.Arrays;

/**
 * What one run of the pipeline produced, read as a subscriber reads it (isolation.level =
 * read_committed, so records of aborted transactions are not seen), in a form two runs can be
 * compared in:
 * <ul>
 *   <li>{@code alerts}: the compacted view of foodrisk.alerts.v1 — alertId → its last version,
 *       without the fields that hold the wall-clock time of processing ({@link #WALL_CLOCK_ALERT_FIELDS}).</li>
 *   <li>{@code versions}: alertId → the version numbers published, in order. Nothing doubled means
 *       1, 2, …, n, each once, and the same n as the undisturbed run.</li>
 *   <li>{@code deadLetters}: every dead letter (source topic, partition, offset, key, value, reason),
 *       sorted — a multiset, so a doubled one shows — without its wall-clock {@code at}.</li>
 *   <li>{@code stores}: the final content of every state store as its changelog topic holds it
 *       (key → value, deletes applied): the daily counts the API serves, the failure-rate tallies,
 *       dedup records, offender and case histories, opinion volumes, plan progress …</li>
 * </ul>
 * Every other field is compared, so that a field added later is compared too unless someone
 * decides it depends on the clock. foodrisk.risk-summaries.v1 is left out: summaries are made on a
 * wall-clock schedule for the current week and month, not from the input's 2024 events.
 */
record Outcome(Map<String, String> alerts, Map<String, List<Integer>> versions, List<String> deadLetters,
               Map<String, Map<String, String>> stores) {

    /**
     * Set from the wall clock when a version is made ({@code AlertProcessor.now()}), so they differ
     * between any two runs: created/updated times, the acknowledge/close deadlines counted from
     * creation, and the time of each history line. Everything else in an alert comes from the input.
     */
    static final List<String> WALL_CLOCK_ALERT_FIELDS = List.of(
            "/firstDetectedAt", "/updatedAt", "/handling/deadlines/acknowledgeBy", "/handling/deadlines/closeBy",
            "/history/*/at");

    /**
     * The same for a 核查处置 case ({@code DisposalCaseProcessor.now()}): when it was opened and last
     * changed. The deadline is counted from the lab's report ({@code knownAt}), not from these, so it is
     * compared.
     */
    static final List<String> WALL_CLOCK_CASE_FIELDS = List.of("/openedAt", "/updatedAt", "/actions/*/at");
    private static final String CASE_STORE = "disposal-cases-store";

    /** The alert store's changelog holds the same versions as the alerts topic, which is compared instead. */
    private static final String ALERT_STORE_CHANGELOG_SUFFIX = "-alerts-store-changelog";

    static Outcome read(String bootstrapServers, String applicationId) {
        Map<String, String> alerts = new TreeMap<>();
        Map<String, List<Integer>> versions = new TreeMap<>();
        readAll(bootstrapServers, Set.of(TypedTopics.ALERTS.name()), (topic, record) -> {
            String alertId = text(record.key());
            JsonNode alert = parse(record.value());
            versions.computeIfAbsent(alertId, id -> new ArrayList<>()).add(alert.path("version").asInt());
            alerts.put(alertId, withoutWallClock(alert).toString());
        });
        List<String> deadLetters = new ArrayList<>();
        readAll(bootstrapServers, Set.of(DeadLetterTopic.DEAD_LETTERS.name()), (topic, record) -> {
            ObjectNode deadLetter = (ObjectNode) parse(record.value());
            deadLetter.remove("at");
            deadLetters.add(deadLetter.toString());
        });
        deadLetters.sort(null);
        Map<String, Map<String, String>> stores = new TreeMap<>();
        Set<String> changelogs = topicsOf(bootstrapServers).stream()
                .filter(t -> t.startsWith(applicationId + "-") && t.endsWith("-changelog"))
                .filter(t -> !t.endsWith(ALERT_STORE_CHANGELOG_SUFFIX))
                .collect(Collectors.toSet());
        readAll(bootstrapServers, changelogs, (topic, record) -> {
            Map<String, String> store = stores.computeIfAbsent(
                    topic.substring(applicationId.length() + 1, topic.length() - "-changelog".length()), s -> new TreeMap<>());
            // Keyed by partition too: every task keeps its own bookkeeping under the same key (#delays|illness,
            // #closed-through …), and reading all partitions into one map kept whichever was read last — an order
            // that differs between runs (seen: "#delays|illness differs" with every count correct).
            String key = text(record.key()) + " @" + record.partition();
            if (record.value() == null) {
                store.remove(key);
            } else if (topic.endsWith("-" + CASE_STORE + "-changelog")) {
                store.put(key, without(parse(record.value()), WALL_CLOCK_CASE_FIELDS).toString());
            } else {
                store.put(key, text(record.value()));
            }
        });
        return new Outcome(alerts, versions, List.copyOf(deadLetters), stores);
    }

    /** Human-readable differences from {@code expected}, at most {@code limit}; empty when equal. */
    List<String> differencesFrom(Outcome expected, int limit) {
        List<String> out = new ArrayList<>();
        compare("alert", expected.alerts, alerts, out);
        compare("versions of alert", expected.versions, versions, out);
        if (!expected.deadLetters.equals(deadLetters)) {
            out.add("dead letters: expected " + expected.deadLetters.size() + ", got " + deadLetters.size()
                    + (expected.deadLetters.size() == deadLetters.size() ? " (same number, other content)" : ""));
        }
        compare("store", expected.stores.keySet().stream().collect(Collectors.toMap(s -> s, s -> "present")),
                stores.keySet().stream().collect(Collectors.toMap(s -> s, s -> "present")), out);
        expected.stores.forEach((store, content) ->
                compare(store + " key", content, stores.getOrDefault(store, Map.of()), out));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /** Alerts of each kind, e.g. {sampling.critical-hazard=3, …}. */
    Map<String, Long> alertKinds() {
        return alerts.values().stream().map(Outcome::parse)
                .collect(Collectors.groupingBy(a -> a.path("kind").asText(), TreeMap::new, Collectors.counting()));
    }

    /** Dead letters by error code, e.g. {invalid-json=7, …}. */
    Map<String, Long> deadLetterErrors() {
        return deadLetters.stream().map(Outcome::parse)
                .collect(Collectors.groupingBy(d -> d.path("error").asText(), TreeMap::new, Collectors.counting()));
    }

    private static <V> void compare(String what, Map<String, V> expected, Map<String, V> actual, List<String> out) {
        expected.forEach((key, value) -> {
            if (!actual.containsKey(key)) {
                out.add(what + " " + key + " is missing (lost)");
            } else if (!Objects.equals(value, actual.get(key))) {
                out.add(what + " " + key + " differs:\n  expected " + value + "\n  actual   " + actual.get(key));
            }
        });
        actual.keySet().stream().filter(key -> !expected.containsKey(key))
                .forEach(key -> out.add(what + " " + key + " is extra: " + actual.get(key)));
    }

    private static JsonNode withoutWallClock(JsonNode alert) {
        return without(alert, WALL_CLOCK_ALERT_FIELDS);
    }

    private static JsonNode without(JsonNode value, List<String> paths) {
        ObjectNode copy = value.deepCopy();
        for (String path : paths) {
            remove(copy, path.substring(1).split("/"), 0);
        }
        return copy;
    }

    private static void remove(JsonNode node, String[] path, int depth) {
        if (depth == path.length - 1) {
            if (node instanceof ObjectNode object) {
                object.remove(path[depth]);
            }
            return;
        }
        if ("*".equals(path[depth])) {
            node.forEach(element -> remove(element, path, depth + 1));
        } else if (node.has(path[depth])) {
            remove(node.get(path[depth]), path, depth + 1);
        }
    }

    private static void readAll(String bootstrapServers, Set<String> topics,
                                BiConsumer<String, ConsumerRecord<byte[], byte[]>> sink) {
        if (topics.isEmpty()) {
            return;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = committedReader(bootstrapServers)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Under read_committed the end offsets are the last stable offsets: all committed data.
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topics + " to its end in 60 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(record -> sink.accept(record.topic(), record));
            }
        }
    }

    static KafkaConsumer<byte[], byte[]> committedReader(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "isolation.level", "read_committed",
                "enable.auto.commit", false, "auto.offset.reset", "earliest", "max.poll.records", 5000), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private static Set<String> topicsOf(String bootstrapServers) {
        try (KafkaConsumer<byte[], byte[]> consumer = committedReader(bootstrapServers)) {
            return consumer.listTopics(Duration.ofSeconds(30)).keySet();
        }
    }

    /** Keys and values of the stores are text (string serdes, JSON); anything else is shown in hex. */
    private static String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes) ? text
                : "hex:" + HexFormat.of().formatHex(bytes);
    }

    private static JsonNode parse(byte[] json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
