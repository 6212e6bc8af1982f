package org.foodrisk.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FastContractCheck is sound: whatever it accepts, the schema engine accepts. Checked
 * differentially on valid seed records (test resource fastcheck/seeds.json, plus each schema's
 * example) and on many thousands of mutants of them, in families: every field removed or
 * replaced by every value of a hostile pool (wrong types, nulls, strings at and beyond each
 * length limit in ASCII, CJK and 4-byte emoji, every enum word of the four schemas, odd times,
 * odd district codes, arrays at and beyond maxItems, deep nesting); unnamed properties added
 * everywhere; the district anyOf and the verdict/items if-then crossed out; and seeded random
 * combinations of all of these. Each family must hold records the engine refuses, so a check
 * that accepted too much would be caught.
 *
 * <p>And it is useful: it accepts every seed (the speed-up is void otherwise).
 */
class FastContractCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, List<ObjectNode>> SEEDS = loadSeeds();
    private static final List<JsonNode> POOL = hostilePool();

    static Stream<String> inputTopics() {
        return Topics.INPUTS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputTopics")
    void everySeedIsValidAndAcceptedByTheFastCheck(String topic) {
        FastContractCheck check = FastContractCheck.forTopic(topic).orElseThrow();
        for (ObjectNode seed : SEEDS.get(topic)) {
            assertEquals(List.of(), validator(topic).validateWithSchema(seed), "seed is valid: " + seed);
            assertTrue(check.certainlyValid(seed), "fast check accepts the seed " + seed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputTopics")
    void whatTheFastCheckAcceptsTheSchemaAccepts(String topic) {
        Map<String, Tally> families = new LinkedHashMap<>();
        List<ObjectNode> seeds = SEEDS.get(topic);
        for (ObjectNode seed : seeds) {
            run(topic, families, "field removed or replaced", replaceEveryField(seed));
            run(topic, families, "unnamed property added", addUnnamedProperties(seed));
        }
        run(topic, families, "district anyOf", districtCombinations(seeds.get(0)));
        if (topic.equals(Topics.SAMPLING_RESULTS)) {
            run(topic, families, "verdict/items if-then", verdictItemsCombinations(seeds.get(0)));
        }
        run(topic, families, "random combinations", randomCombinations(topic, seeds, 4_000));

        Tally all = new Tally();
        List<String> problems = new ArrayList<>();
        families.forEach((family, tally) -> {
            all.add(tally);
            System.out.printf("%s %-28s %s%n    valid, left to the engine, e.g. %s%n", topic, family, tally,
                    tally.leftToEngine);
            if (!tally.unsound.isEmpty()) {
                problems.add(family + ": the fast check accepted records the schema refuses, e.g. " + tally.unsound);
            }
            // The family can catch a too permissive check only if it holds records the schema refuses.
            if (tally.schemaRefused == 0) {
                problems.add(family + " holds no invalid record: " + tally);
            }
        });
        assertEquals(List.of(), problems, topic);
        assertTrue(all.fastAccepted > 1_000, "the fast check accepts many valid mutants too: " + all);
    }

    /**
     * FastContractCheck mirrors the schemas as they are: a schema whose validation keywords change
     * (descriptions, titles and examples aside) must be mirrored again, and its fingerprint here
     * updated with it. The differential test alone might miss a new rule its mutants do not touch.
     */
    @Test
    void theMirroredSchemasAreTheOnesInTheResources() throws Exception {
        Map<String, String> mirrored = Map.of(
                Topics.SAMPLING_RESULTS, "c8e58444efa03870",
                Topics.ILLNESS_REPORTS, "4b4be8008f3170f2",
                Topics.COMPLAINTS, "9dc8fcc5e970db06",
                Topics.OPINION_SIGNALS, "bbe59e1f4281198f");
        Map<String, String> actual = new LinkedHashMap<>();
        for (String topic : Topics.INPUTS) {
            byte[] canonical = canonical(schema(topic), false).toString().getBytes(StandardCharsets.UTF_8);
            actual.put(topic, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical), 0, 8));
        }
        assertEquals(new TreeMap<>(mirrored), new TreeMap<>(actual), "a schema changed: mirror the change in "
                + "FastContractCheck, then update its fingerprint here");
    }

    /**
     * The schema's validation keywords only, in name order. {@code names} is true for the members
     * of "properties" and "$defs", whose keys are names (a property may be called "title"), not
     * keywords.
     */
    private static JsonNode canonical(JsonNode node, boolean names) {
        if (node.isObject()) {
            ObjectNode sorted = NODES.objectNode();
            Map<String, JsonNode> byName = new TreeMap<>();
            node.properties().forEach(field -> byName.put(field.getKey(), field.getValue()));
            byName.forEach((name, value) -> {
                if (names || !Set.of("description", "title", "examples", "$comment").contains(name)) {
                    sorted.set(name, canonical(value, !names && Set.of("properties", "$defs").contains(name)));
                }
            });
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            node.forEach(element -> array.add(canonical(element, false)));
            return array;
        }
        return node;
    }

    @Test
    void outputTopicsHaveNoFastCheckAndTheEngineStillChecksThem() {
        assertTrue(FastContractCheck.forTopic(Topics.ALERT_ACTIONS).isEmpty());
        assertTrue(FastContractCheck.forTopic(Topics.DEAD_LETTERS).isEmpty());
        ObjectNode notADeadLetter = NODES.objectNode().put("sampleId", "x");
        assertFalse(ContractValidator.forTopic(Topics.DEAD_LETTERS).validate(notADeadLetter).isEmpty());
    }

    @Test
    void refusedRecordsAreWordedByTheEngineAsBefore() {
        ObjectNode record = SEEDS.get(Topics.SAMPLING_RESULTS).get(0).deepCopy();
        record.put("sampledAt", "2024-05-06T09:30:00");
        ContractValidator validator = validator(Topics.SAMPLING_RESULTS);
        assertEquals(validator.validateWithSchema(record), validator.validate(record));
        List<String> errors = validator.validate(record);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("$.sampledAt: does not match the date-time pattern"), errors.toString());
    }

    @Test
    void fastCheckRefusesWhatIsNotARecord() {
        FastContractCheck check = FastContractCheck.forTopic(Topics.COMPLAINTS).orElseThrow();
        assertFalse(check.certainlyValid(null));
        assertFalse(check.certainlyValid(NODES.missingNode()));
        assertFalse(check.certainlyValid(NODES.arrayNode()));
        assertFalse(check.certainlyValid(NODES.textNode("{}")));
    }

    /** A strict RFC 3339 subset: the cases the engine decides on its own are left to it. */
    @Test
    void timesOutsideTheStrictSubsetAreLeftToTheEngine() {
        for (String time : List.of("2016-12-31T23:59:60Z", "2024-05-06t09:30:00z", "2024-05-06T09:30:00.1234567890Z",
                "2024-05-06T09:30:00", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "0000-01-01T00:00:00Z")) {
            assertFalse(Rfc3339.isStrictDateTime(time), time);
        }
        for (String time : List.of("2024-02-29T00:00:00Z", "2024-05-06T09:30:00.5-03:30", "0001-01-01T00:00:00+00:00")) {
            assertTrue(Rfc3339.isStrictDateTime(time), time);
        }
    }

    // ---------------------------------------------------------------- the differential run

    /** What one family of mutants gave. */
    static final class Tally {
        int mutants;
        int fastAccepted;
        int schemaAccepted;
        int schemaRefused;
        final List<String> unsound = new ArrayList<>();
        /** Valid mutants the fast check left to the engine: allowed, listed to see what it gives up. */
        final List<String> leftToEngine = new ArrayList<>();

        void add(Tally other) {
            mutants += other.mutants;
            fastAccepted += other.fastAccepted;
            schemaAccepted += other.schemaAccepted;
            schemaRefused += other.schemaRefused;
            unsound.addAll(other.unsound);
            leftToEngine.addAll(other.leftToEngine);
        }

        @Override
        public String toString() {
            return String.format("%,7d mutants: schema accepts %,7d, refuses %,7d; fast check accepts %,7d (%.1f %% of "
                    + "the valid ones)", mutants, schemaAccepted, schemaRefused, fastAccepted,
                    schemaAccepted == 0 ? 0.0 : 100.0 * fastAccepted / schemaAccepted);
        }
    }

    private static void run(String topic, Map<String, Tally> families, String family, List<Mutant> mutants) {
        FastContractCheck check = FastContractCheck.forTopic(topic).orElseThrow();
        ContractValidator validator = validator(topic);
        Tally tally = families.computeIfAbsent(family, f -> new Tally());
        for (Mutant mutant : mutants) {
            boolean fast = check.certainlyValid(mutant.value());
            List<String> errors = validator.validateWithSchema(mutant.value());
            tally.mutants++;
            if (errors.isEmpty()) {
                tally.schemaAccepted++;
            } else {
                tally.schemaRefused++;
            }
            if (fast) {
                tally.fastAccepted++;
                if (!errors.isEmpty() && tally.unsound.size() < 5) {
                    tally.unsound.add(mutant.what() + " -> " + errors);
                }
            } else if (errors.isEmpty() && tally.leftToEngine.size() < 8) {
                tally.leftToEngine.add(mutant.what());
            }
        }
    }

    private static ContractValidator validator(String topic) {
        return ContractValidator.forTopic(topic);
    }

    record Mutant(String what, JsonNode value) {
    }

    // ---------------------------------------------------------------- mutation families

    /** Every node of the seed (at any depth) removed, and replaced by every value of the pool. */
    private static List<Mutant> replaceEveryField(ObjectNode seed) {
        List<Mutant> mutants = new ArrayList<>();
        for (List<Object> path : paths(seed)) {
            mutants.add(mutate(seed, "remove " + path, copy -> remove(copy, path)));
            for (JsonNode value : POOL) {
                mutants.add(mutate(seed, path + " = " + abbreviate(value), copy -> replace(copy, path, value)));
            }
        }
        return mutants;
    }

    /** Names the schemas do not know, with any value, in the record and in every nested object. */
    private static List<Mutant> addUnnamedProperties(ObjectNode seed) {
        List<String> names = List.of("extra", "", "$ref", "x".repeat(1_000), "x".repeat(1_001), "x".repeat(60_000));
        List<Mutant> mutants = new ArrayList<>();
        List<List<Object>> objects = new ArrayList<>();
        objects.add(List.of());
        for (List<Object> path : paths(seed)) {
            if (at(seed, path).isObject()) {
                objects.add(path);
            }
        }
        for (List<Object> path : objects) {
            for (String name : names) {
                for (JsonNode value : POOL) {
                    mutants.add(mutate(seed, path + "." + abbreviate(NODES.textNode(name)) + " = " + abbreviate(value),
                            copy -> ((ObjectNode) at(copy, path)).set(name, value.deepCopy())));
                }
            }
        }
        return mutants;
    }

    /** The "districtCode or districtName" anyOf, every pair of the two. */
    private static List<Mutant> districtCombinations(ObjectNode seed) {
        List<JsonNode> codes = List.of(NODES.missingNode(), NODES.nullNode(), NODES.textNode(""), NODES.textNode("120114"),
                NODES.textNode("12011"), NODES.numberNode(120114), NODES.textNode("120114\n"));
        List<JsonNode> names = List.of(NODES.missingNode(), NODES.nullNode(), NODES.textNode(""), NODES.textNode("武清区"),
                NODES.textNode(" "), NODES.numberNode(1), NODES.textNode("区".repeat(257)));
        return everyPair(seed, "districtCode", codes, "districtName", names);
    }

    /** The "不合格 needs at least one item" if-then, every verdict with every items. */
    private static List<Mutant> verdictItemsCombinations(ObjectNode seed) {
        List<JsonNode> verdicts = List.of(NODES.missingNode(), NODES.nullNode(), NODES.textNode("合格"),
                NODES.textNode("不合格"), NODES.textNode("不合格 "), NODES.textNode("基本合格"));
        List<JsonNode> items = List.of(NODES.missingNode(), NODES.nullNode(), NODES.arrayNode(),
                NODES.arrayNode().add(NODES.objectNode().put("item", "腐霉利")), NODES.arrayNode().add(NODES.objectNode()),
                NODES.objectNode(), itemsArray(500), itemsArray(501));
        return everyPair(seed, "verdict", verdicts, "items", items);
    }

    /** The seed with every value of {@code first} beside every value of {@code second} (missing = removed). */
    private static List<Mutant> everyPair(ObjectNode seed, String first, List<JsonNode> firstValues, String second,
                                          List<JsonNode> secondValues) {
        List<Mutant> mutants = new ArrayList<>();
        for (JsonNode a : firstValues) {
            for (JsonNode b : secondValues) {
                mutants.add(mutate(seed, first + " " + abbreviate(a) + ", " + second + " " + abbreviate(b), copy -> {
                    putOrRemove(copy, first, a);
                    putOrRemove(copy, second, b);
                }));
            }
        }
        return mutants;
    }

    /**
     * Seeded random mixes of one to four changes: replace any node by a pool value or by a value
     * of another seed (of any topic), remove any node, move a value to another property name of
     * any schema, add an unnamed property.
     */
    private static List<Mutant> randomCombinations(String topic, List<ObjectNode> seeds, int count) {
        Random random = new Random(18L * 31 + topic.hashCode());
        List<String> names = new ArrayList<>(propertyNames());
        List<JsonNode> donors = new ArrayList<>(POOL);
        SEEDS.values().forEach(list -> list.forEach(seed -> paths(seed).forEach(path -> donors.add(at(seed, path)))));
        List<Mutant> mutants = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            ObjectNode copy = seeds.get(random.nextInt(seeds.size())).deepCopy();
            StringBuilder what = new StringBuilder("random");
            int changes = 1 + random.nextInt(4);
            for (int c = 0; c < changes; c++) {
                List<List<Object>> paths = paths(copy);
                List<Object> path = paths.isEmpty() ? List.of() : paths.get(random.nextInt(paths.size()));
                JsonNode donor = donors.get(random.nextInt(donors.size()));
                String name = names.get(random.nextInt(names.size()));
                switch (path.isEmpty() ? 3 : random.nextInt(4)) {
                    case 0 -> {
                        replace(copy, path, donor);
                        what.append("; ").append(path).append(" = ").append(abbreviate(donor));
                    }
                    case 1 -> {
                        remove(copy, path);
                        what.append("; remove ").append(path);
                    }
                    case 2 -> {
                        JsonNode moved = at(copy, path);
                        remove(copy, path);
                        copy.set(name, moved);
                        what.append("; move ").append(path).append(" to ").append(name);
                    }
                    default -> {
                        copy.set(name, donor.deepCopy());
                        what.append("; ").append(name).append(" = ").append(abbreviate(donor));
                    }
                }
            }
            mutants.add(new Mutant(what.toString(), copy));
        }
        return mutants;
    }

    // ---------------------------------------------------------------- the hostile pool

    private static List<JsonNode> hostilePool() {
        List<JsonNode> pool = new ArrayList<>();
        pool.addAll(List.of(NODES.nullNode(), NODES.booleanNode(true), NODES.booleanNode(false), NODES.numberNode(0),
                NODES.numberNode(-1), NODES.numberNode(1), NODES.numberNode(2), NODES.numberNode(-2), NODES.numberNode(150),
                NODES.numberNode(151), NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE),
                NODES.numberNode(0.5), NODES.numberNode(-1.0), NODES.numberNode(1.0), NODES.numberNode(-1.0000001),
                NODES.numberNode(1.0000001), NODES.numberNode(34.0), NODES.numberNode(-0.0), NODES.numberNode(1e300),
                NODES.numberNode(Double.NaN), NODES.numberNode(Double.POSITIVE_INFINITY), NODES.numberNode(0.5f),
                NODES.numberNode(BigInteger.TWO.pow(70)), NODES.numberNode(BigInteger.valueOf(5)),
                NODES.numberNode(new BigDecimal("0.5")), NODES.numberNode(new BigDecimal("1E+400")),
                NODES.binaryNode(new byte[] {1, 2}), NODES.pojoNode(List.of("a"))));
        for (String text : List.of("", " ", "x", "null", "true", "0", "-1", "\uD800", "a\uDC00b", "\u0000", "\n",
                "﻿", "合格 ", "不合格\n", "12315 ")) {
            pool.add(NODES.textNode(text));
        }
        for (int length : List.of(15, 16, 17, 63, 64, 65, 127, 128, 129, 255, 256, 257, 511, 512, 513, 999, 1_000,
                1_001, 2_047, 2_048, 2_049, 19_999, 20_000, 20_001)) {
            pool.add(NODES.textNode("a".repeat(length)));
            pool.add(NODES.textNode("食".repeat(length)));
            pool.add(NODES.textNode("😀".repeat(length)));
            pool.add(NODES.textNode("a".repeat(length - 1) + "😀")); // length code points, length + 1 chars
        }
        enumWords().forEach(word -> pool.add(NODES.textNode(word)));
        for (String time : List.of("2024-05-06T09:30:00+08:00", "2024-05-06T09:30:00Z", "2024-05-06T09:30:00.123+08:00",
                "2024-05-06T09:30:00.123456789Z", "2024-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59-23:59", "2024-05-06T09:30:00+23:59", "2024-05-06T09:30:00-00:00",
                "2024-05-06T09:30:00", "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z", "2023-02-29T00:00:00Z",
                "2100-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-05-00T00:00:00Z", "2024-05-06T24:00:00Z",
                "2024-05-06T23:60:00Z", "2016-12-31T23:59:60Z", "2016-12-31T23:59:60+08:00", "2015-06-30T23:59:60Z",
                "2024-05-06T23:59:60Z", "2024-05-06t09:30:00z", "2024-05-06T09:30:00z", "2024-05-06t09:30:00Z",
                "2024-05-06 09:30:00+08:00", "2024-05-06T09:30:00.+08:00", "2024-05-06T09:30:00.1234567890Z",
                "2024-05-06T09:30:00+0800", "2024-05-06T09:30:00+08", "2024-05-06T09:30:00+24:00",
                "2024-05-06T09:30:00+08:60", "2024-05-06T09:30:00+18:01", "0000-01-01T00:00:00Z", "+2024-05-06T09:30:00Z",
                "20240506T093000Z", "2024-05-06", "09:30:00Z", "２０２４-05-06T09:30:00Z", "2024-05-06T09:30:00+08:00\n",
                " 2024-05-06T09:30:00Z", "2024-5-6T9:30:00Z", "2024-05-06T09:30Z", "2024-05-06T09:30:00,5Z",
                "10000-01-01T00:00:00Z", "2024-05-06T09:30:00.123456789+08:00", "2024-05-06T09:30:00Z ",
                "2024-05-06T09:30:00.1+08:00" + "0".repeat(40))) {
            pool.add(NODES.textNode(time));
        }
        for (String code : List.of("120114", "120116", "000000", "999999", "12011", "1201145", "12011a", "120114\n",
                " 120114", "１２０１１４", "١٢٠١١٤")) {
            pool.add(NODES.textNode(code));
        }
        pool.addAll(List.of(NODES.objectNode(), NODES.arrayNode(), NODES.arrayNode().addNull(),
                NODES.arrayNode().add("腹泻"), NODES.arrayNode().add(""), NODES.arrayNode().add(1),
                NODES.arrayNode().add(NODES.objectNode()), NODES.arrayNode().add(NODES.objectNode().put("item", "x")),
                NODES.arrayNode().add(NODES.objectNode().put("item", "")), NODES.objectNode().put("name", "x"),
                NODES.objectNode().put("name", 1), NODES.objectNode().put("creditCode", "9".repeat(65)),
                NODES.objectNode().put("item", "x").put("pass", "true"), stringsArray(50), stringsArray(51),
                itemsArray(500), itemsArray(501), nested(31), nested(40), nested(499), nested(501)));
        return pool;
    }

    private static ArrayNode stringsArray(int size) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < size; i++) {
            array.add("腹泻");
        }
        return array;
    }

    private static ArrayNode itemsArray(int size) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < size; i++) {
            array.add(NODES.objectNode().put("item", "项目" + i).put("pass", true));
        }
        return array;
    }

    /** Arrays and objects nested {@code depth} deep. */
    private static JsonNode nested(int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("n", node);
        }
        return node;
    }

    /** Every enum and const word of the four input schemas. */
    private static Set<String> enumWords() {
        Set<String> words = new LinkedHashSet<>();
        for (String topic : Topics.INPUTS) {
            schema(topic).findParents("enum").forEach(parent -> parent.get("enum").forEach(word -> {
                if (word.isTextual()) {
                    words.add(word.textValue());
                }
            }));
            schema(topic).findValues("const").forEach(word -> words.add(word.asText()));
        }
        return words;
    }

    /** Every property name in the four input schemas, nested ones too. */
    private static Set<String> propertyNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String topic : Topics.INPUTS) {
            schema(topic).findValues("properties").forEach(properties -> properties.fieldNames().forEachRemaining(names::add));
        }
        names.add("unknownField");
        return names;
    }

    // ---------------------------------------------------------------- trees and paths

    private static Mutant mutate(ObjectNode seed, String what, Consumer<ObjectNode> change) {
        ObjectNode copy = seed.deepCopy();
        change.accept(copy);
        return new Mutant(what, copy);
    }

    /** The path of every node below the root: property names and array indexes. */
    private static List<List<Object>> paths(JsonNode root) {
        List<List<Object>> paths = new ArrayList<>();
        collect(root, new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(JsonNode node, List<Object> prefix, List<List<Object>> paths) {
        if (prefix.size() > 4) {
            return; // the seeds nest three levels; below that lie pool values, not record structure
        }
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                List<Object> path = append(prefix, name);
                paths.add(path);
                collect(node.get(name), path, paths);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < Math.min(node.size(), 3); i++) {
                List<Object> path = append(prefix, i);
                paths.add(path);
                collect(node.get(i), path, paths);
            }
        }
    }

    private static List<Object> append(List<Object> prefix, Object step) {
        List<Object> path = new ArrayList<>(prefix);
        path.add(step);
        return List.copyOf(path);
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    private static void replace(ObjectNode root, List<Object> path, JsonNode value) {
        JsonNode parent = at(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value.deepCopy());
        } else {
            ((ObjectNode) parent).set((String) last, value.deepCopy());
        }
    }

    private static void remove(ObjectNode root, List<Object> path) {
        JsonNode parent = at(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).remove((int) index);
        } else {
            ((ObjectNode) parent).remove((String) last);
        }
    }

    private static void putOrRemove(ObjectNode record, String name, JsonNode value) {
        if (value.isMissingNode()) {
            record.remove(name);
        } else {
            record.set(name, value.deepCopy());
        }
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + " chars)" : text;
    }

    // ---------------------------------------------------------------- resources

    private static Map<String, List<ObjectNode>> loadSeeds() {
        JsonNode all = resource("fastcheck/seeds.json");
        Map<String, List<ObjectNode>> seeds = new LinkedHashMap<>();
        for (String topic : Topics.INPUTS) {
            List<ObjectNode> list = new ArrayList<>();
            all.get(topic).forEach(seed -> list.add((ObjectNode) seed));
            schema(topic).get("examples").forEach(example -> list.add((ObjectNode) example));
            seeds.put(topic, List.copyOf(list));
        }
        return seeds;
    }

    private static JsonNode schema(String topic) {
        return resource(TopicCatalogue.spec(topic).valueSchema());
    }

    private static JsonNode resource(String path) {
        try (InputStream in = FastContractCheckTest.class.getClassLoader().getResourceAsStream(path)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}
