package org.foodrisk.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.kafka.Json;
import org.foodrisk.topics.Topics;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.Optional;
import org.foodrisk.ingest.StrictUtf8;

/**
 * The hostile-input corpus: a fixed seed gives the same records every run. Kafka records go to the
 * four input topics and the alert-actions topic, HTTP requests to the ingestion API; each says
 * which attack it is and what must become of it. Valid records 
 * and re-deliveries of them are interleaved with the attacks.
 *
 * @param runTag makes every id of this corpus unique on a shared broker ("H-&lt;runTag&gt;-…")
 * @param now    the time the corpus is published at (future and forged times are relative to it)
 */
public final class HostileCorpus {

    /** The seed of the corpus that the tests use. */
    public static final long SEED = 20261125L;

    /** Where a Kafka record of the corpus goes and what must become of it. */
    public record KafkaRecord(int seq, String topic, Attack attack, byte[] key, byte[] value, Long timestamp,
                              boolean refused, String error, String id) {
        public boolean duplicate() {
            return attack.duplicate();
        }
    }

    /** Who calls the ingestion API. */
    public enum Caller { ADMIN, LAB, NONE, WRONG_TOKEN }

    /**
     * One HTTP request of the corpus and the records in it.
     *
     * @param status       the HTTP status it must get
     * @param requestError the error code when the request is refused as a whole (its answer is one
     *                     error object), or null when it is answered record by record
     * @param records      the records of its body, each with its own expected fate
     */
    public record HttpCase(int seq, Attack attack, InputTopic input, Caller caller, byte[] body, int status,
                           String requestError, List<Mutation> records) {
    }

    static final int MAX_BODY_BYTES = 1_048_576;
    static final int MAX_RECORD_BYTES = 1_000_000;
    static final int MAX_BATCH = 500;

    /** Attacks made by a mutation of a record's value, on any channel. */
    private static final List<Attack> VALUE_ATTACKS = List.of(Attack.TRUNCATED_JSON, Attack.NOT_JSON,
            Attack.NOT_AN_OBJECT, Attack.EMPTY_VALUE, Attack.INVALID_UTF8, Attack.WRONG_ENCODING,
            Attack.TRAILING_GARBAGE, Attack.DUPLICATE_KEYS, Attack.DEEP_NESTING, Attack.WRONG_TYPE,
            Attack.MISSING_REQUIRED, Attack.NULL_REQUIRED, Attack.BLANK_REQUIRED, Attack.UNKNOWN_ENUM,
            Attack.INJECTION_IN_ENUM, Attack.NUMBER_OUT_OF_RANGE, Attack.HUGE_NUMBER, Attack.HUGE_STRING,
            Attack.HUGE_ARRAY, Attack.IMPOSSIBLE_DATE, Attack.UNREPRESENTABLE_TIME, Attack.ANCIENT_TIME,
            Attack.FUTURE_TIME, Attack.REPORT_BEFORE_SAMPLE, Attack.CONFLICTING_DISTRICT,
            Attack.CONTRADICTORY_VERDICT, Attack.UNKNOWN_ALERT, Attack.INJECTION_IN_TEXT, Attack.NULL_OPTIONAL,
            Attack.EXTREME_BUT_VALID, Attack.MANY_EXTRA_FIELDS, Attack.NESTED_EXTRA_FIELD);

    /** Attacks only a Kafka producer can make (a key, a timestamp, a tombstone, a compressed giant). */
    private static final List<Attack> KAFKA_ATTACKS = List.of(Attack.NULL_VALUE, Attack.KEY_MISMATCH, Attack.NULL_KEY,
            Attack.FORGED_TIMESTAMP, Attack.INJECTION_IN_ID);

    private static final Set<Attack> SIZE_ATTACKS = EnumSet.of(Attack.HUGE_STRING, Attack.HUGE_ARRAY,
            Attack.DEEP_NESTING, Attack.MANY_EXTRA_FIELDS, Attack.EXTREME_BUT_VALID);

    private static final List<String> KAFKA_TOPICS = List.of(Topics.SAMPLING_RESULTS, Topics.ILLNESS_REPORTS,
            Topics.COMPLAINTS, Topics.OPINION_SIGNALS, Mutations.ACTIONS);

    private final String runTag;
    private final Instant now;
    private final SplittableRandom random;
    private final Templates templates;
    private final Mutations mutations;
    private int seq;
    private int ids;

    public HostileCorpus(long seed, String runTag, Instant now) {
        this.runTag = runTag;
        this.now = now;
        this.random = new SplittableRandom(seed);
        this.templates = new Templates(random);
        this.mutations = new Mutations(random, templates, now);
    }

    /** Every id of this corpus starts with this, valid or not. */
    public String idPrefix() {
        return "H-" + runTag + "-";
    }

    /**
     * The Kafka corpus: {@code attacks} hostile records across the five topics, {@code valid} valid
     * records and {@code duplicates} re-deliveries of them, shuffled together, then {@code tail} valid
     * records that prove the stream still runs after everything else.
     */
    public List<KafkaRecord> kafka(int attacks, int valid, int duplicates, int tail) {
        List<KafkaRecord> records = new ArrayList<>();
        for (int i = 0; i < attacks; i++) {
            records.add(kafkaAttack());
        }
        for (String topic : List.of(Topics.SAMPLING_RESULTS, Topics.COMPLAINTS, Mutations.ACTIONS)) {
            records.add(kafkaRecord(topic, Attack.COMPRESSED_GIANT, mutations.apply(Attack.COMPRESSED_GIANT, topic, nextId()),
                    null, null));
        }
        List<KafkaRecord> originals = new ArrayList<>();
        for (int i = 0; i < valid; i++) {
            originals.add(kafkaValid());
        }
        records.addAll(originals);
        for (int i = 0; i < duplicates; i++) {
            KafkaRecord original = originals.get(random.nextInt(originals.size()));
            boolean reordered = random.nextInt(4) == 0;
            byte[] value = reordered ? reordered(original.value()) : original.value();
            records.add(new KafkaRecord(seq++, original.topic(), reordered ? Attack.REORDERED_DUPLICATE : Attack.DUPLICATE,
                    original.key(), value, null, false, null, original.id()));
        }
        Collections.shuffle(records, new Random(random.nextLong()));
        for (int i = 0; i < tail; i++) {
            records.add(kafkaValid());
        }
        return List.copyOf(records);
    }

    private KafkaRecord kafkaAttack() {
        while (true) {
            String topic = KAFKA_TOPICS.get(random.nextInt(KAFKA_TOPICS.size()));
            boolean kafkaOnly = random.nextInt(6) == 0;
            Attack attack = kafkaOnly ? pick(KAFKA_ATTACKS) : pick(VALUE_ATTACKS);
            if (SIZE_ATTACKS.contains(attack) && random.nextBoolean()) {
                continue; // half as often: they are the expensive ones
            }
            KafkaRecord record = kafkaOnly ? kafkaOnlyAttack(topic, attack) : kafkaMutation(topic, attack);
            if (record != null) {
                return record;
            }
        }
    }

    private KafkaRecord kafkaMutation(String topic, Attack attack) {
        Mutation mutation = mutations.apply(attack, topic, nextId());
        return mutation == null ? null : kafkaRecord(topic, attack, mutation, null, null);
    }

    private KafkaRecord kafkaOnlyAttack(String topic, Attack attack) {
        boolean actions = topic.equals(Mutations.ACTIONS);
        String kafkaTopic = actions ? Topics.ALERT_ACTIONS : topic;
        String id = nextId();
        switch (attack) {
            case NULL_VALUE -> {
                return kafkaRecord(topic, attack, mutations.apply(attack, topic, id), null, null);
            }
            case FORGED_TIMESTAMP -> {
                Mutation mutation = mutations.apply(attack, topic, id);
                return mutation == null ? null
                        : kafkaRecord(topic, attack, mutation, null, now.plusSeconds(30 * 60).toEpochMilli());
            }
            case KEY_MISMATCH -> {
                byte[] value = Mutations.bytes(Mutations.json(mutations.valid(topic, id)));
                byte[] key = pick(List.of(Mutations.bytes(id + "-other"), new byte[0], Mutations.bytes(id + " "),
                        new byte[]{(byte) 0xFF, (byte) 0xFE}, Mutations.bytes(id.toLowerCase())));
                return new KafkaRecord(seq++, kafkaTopic, attack, key, value, null, true, "key-mismatch", id);
            }
            case NULL_KEY -> {
                byte[] value = Mutations.bytes(Mutations.json(mutations.valid(topic, id)));
                // a keyless re-delivery could land on another partition's dedup store: refused
                return new KafkaRecord(seq++, kafkaTopic, attack, null, value, null, true,
                        actions ? "action-refused" : "missing-key", id);
            }
            case INJECTION_IN_ID -> {
                String injection = pick(Mutations.INJECTIONS.stream().filter(s -> s.length() <= 60).toList());
                String injected = id + "-" + injection;
                byte[] value = Mutations.bytes(Mutations.json(mutations.valid(topic, injected)));
                return new KafkaRecord(seq++, kafkaTopic, attack, Mutations.bytes(injected), value, null, actions,
                        actions ? "action-refused" : null, injected);
            }
            default -> throw new IllegalArgumentException(attack.name());
        }
    }

    private KafkaRecord kafkaRecord(String topic, Attack attack, Mutation mutation, byte[] key, Long timestamp) {
        String kafkaTopic = topic.equals(Mutations.ACTIONS) ? Topics.ALERT_ACTIONS : topic;
        byte[] recordKey = key != null ? key : Mutations.bytes(mutation.id());
        boolean refused = mutation.refused() || topic.equals(Mutations.ACTIONS);
        return new KafkaRecord(seq++, kafkaTopic, attack, recordKey, mutation.value(), timestamp, refused,
                mutation.error(), mutation.id());
    }

    private KafkaRecord kafkaValid() {
        InputTopic input = InputTopic.values()[random.nextInt(InputTopic.values().length)];
        String id = idPrefix() + "V" + seq;
        byte[] value = Mutations.bytes(Mutations.json(templates.record(input, id)));
        return new KafkaRecord(seq++, input.topic(), Attack.VALID, Mutations.bytes(id), value, null, false, null, id);
    }

    /**
     * The HTTP corpus: {@code singles} hostile records sent one per request, {@code batches} arrays
     * that mix attacks with valid records, requests refused as a whole (too large, malformed
     * arrays, foreign identities, missing or wrong tokens), and {@code valid} valid records with
     * {@code duplicates} re-sends of them.
     */
    public List<HttpCase> http(int singles, int batches, int valid, int duplicates) {
        List<HttpCase> cases = new ArrayList<>();
        for (int i = 0; i < singles; i++) {
            cases.add(httpAttack());
        }
        List<HttpCase> originals = new ArrayList<>();
        for (int i = 0; i < valid; i++) {
            InputTopic input = InputTopic.values()[random.nextInt(InputTopic.values().length)];
            String id = idPrefix() + "V" + seq;
            originals.add(single(input, Mutation.valid(Attack.VALID, id,
                    Mutations.bytes(Mutations.json(templates.record(input, id))))));
        }
        cases.addAll(originals);
        for (int i = 0; i < duplicates; i++) {
            HttpCase original = originals.get(random.nextInt(originals.size()));
            Mutation again = original.records().get(0);
            Mutation resent = new Mutation(Attack.DUPLICATE, again.id(), again.value(), false, null);
            cases.add(new HttpCase(seq++, Attack.DUPLICATE, original.input(), Caller.ADMIN, again.value(), 200, null,
                    List.of(resent)));
        }
        for (int i = 0; i < batches; i++) {
            cases.add(batch());
        }
        cases.addAll(refusedWhole());
        Collections.shuffle(cases, new Random(random.nextLong()));
        return List.copyOf(cases);
    }

    private HttpCase httpAttack() {
        while (true) {
            InputTopic input = InputTopic.values()[random.nextInt(InputTopic.values().length)];
            Attack attack = pick(VALUE_ATTACKS);
            if (SIZE_ATTACKS.contains(attack) && random.nextBoolean()) {
                continue;
            }
            Mutation mutation = mutations.apply(attack, input.topic(), nextId());
            if (mutation != null && !startsAnArray(mutation.value())) {
                return single(input, mutation);
            }
        }
    }

    /** One record, one request: the API answers it as intake judged it, or refuses the body as a whole. */
    private HttpCase single(InputTopic input, Mutation mutation) {
        byte[] body = mutation.value();
        if (body.length > MAX_BODY_BYTES) {
            return new HttpCase(seq++, mutation.attack(), input, Caller.ADMIN, body, 413, "too-large", List.of(mutation));
        }
        Mutation expected = mutation;
        if (new String(body, StandardCharsets.ISO_8859_1).isBlank()) {
            expected = Mutation.refused(mutation.attack(), mutation.id(), body, "empty-body");
        } else if (body.length > MAX_RECORD_BYTES) {
            expected = Mutation.refused(mutation.attack(), mutation.id(), body, "too-large");
        }
        return new HttpCase(seq++, mutation.attack(), input, Caller.ADMIN, body, expected.refused() ? 400 : 200, null,
                List.of(expected));
    }

    private HttpCase batch() {
        InputTopic input = InputTopic.values()[random.nextInt(InputTopic.values().length)];
        int size = 2 + random.nextInt(19);
        List<Mutation> records = new ArrayList<>();
        while (records.size() < size) {
            if (random.nextInt(3) == 0) {
                String id = idPrefix() + "V" + seq++;
                records.add(Mutation.valid(Attack.VALID, id, Mutations.bytes(Mutations.json(templates.record(input, id)))));
                continue;
            }
            Mutation mutation = mutations.apply(pick(VALUE_ATTACKS), input.topic(), nextId());
            if (mutation != null && fitsInABatch(mutation.value())) {
                records.add(mutation);
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(Mutations.bytes("[\n"));
        for (int i = 0; i < records.size(); i++) {
            body.writeBytes(records.get(i).value());
            body.writeBytes(Mutations.bytes(i < records.size() - 1 ? ",\n" : "\n]"));
        }
        boolean anyValid = records.stream().anyMatch(r -> !r.refused());
        Attack attack = records.stream().filter(Mutation::refused).map(Mutation::attack).findFirst().orElse(Attack.VALID);
        return new HttpCase(seq++, attack, input, Caller.ADMIN, body.toByteArray(), anyValid ? 200 : 400, null,
                List.copyOf(records));
    }

    /** Requests refused before any record of them is judged; every record in them counts as refused. */
    private List<HttpCase> refusedWhole() {
        List<HttpCase> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Mutation big = Mutation.refused(Attack.OVERSIZED_BODY, nextId(),
                    Mutations.bytes("{\"note\":\"" + "大".repeat(360_000 + random.nextInt(300_000)) + "\"}"), "too-large");
            cases.add(whole(Attack.OVERSIZED_BODY, InputTopic.COMPLAINTS, Caller.ADMIN, big.value(), 413, "too-large",
                    List.of(big)));
        }
        for (int i = 0; i < 4; i++) {
            List<Mutation> records = new ArrayList<>();
            for (int r = 0; r < MAX_BATCH + 1 + random.nextInt(50); r++) {
                String id = nextId();
                records.add(Mutation.refused(Attack.BATCH_TOO_LARGE, id, Mutations.bytes(Mutations.json(
                        templates.record(InputTopic.OPINION_SIGNALS, id))), "batch-too-large"));
            }
            cases.add(whole(Attack.BATCH_TOO_LARGE, InputTopic.OPINION_SIGNALS, Caller.ADMIN, array(records), 413,
                    "batch-too-large", records));
        }
        for (String empty : List.of("[]", "[ ]", " [\n] ")) {
            Mutation none = Mutation.refused(Attack.EMPTY_BATCH, null, Mutations.bytes(empty), "empty-batch");
            cases.add(new HttpCase(seq++, Attack.EMPTY_BATCH, InputTopic.COMPLAINTS, Caller.ADMIN, none.value(), 400,
                    null, List.of(none)));
        }
        for (int i = 0; i < 8; i++) {
            String id = nextId();
            String record = Mutations.json(templates.record(InputTopic.ILLNESS_REPORTS, id));
            String body = switch (i % 4) {
                case 0 -> "[" + record + ", oops]";
                case 1 -> "[" + record;
                case 2 -> "[" + record + "] trailing";
                default -> "[" + "[".repeat(100) + "]".repeat(100) + "]";
            };
            Mutation malformed = Mutation.refused(Attack.MALFORMED_BATCH, null, Mutations.bytes(body), "invalid-json");
            cases.add(new HttpCase(seq++, Attack.MALFORMED_BATCH, InputTopic.ILLNESS_REPORTS, Caller.ADMIN,
                    malformed.value(), 400, null, List.of(malformed)));
        }
        for (int i = 0; i < 10; i++) {
            String id = nextId();
            ObjectNode sample = templates.record(InputTopic.SAMPLING_RESULTS, id);
            sample.put("labCode", pick(List.of("TJFS001", "OTHER-LAB", " HOSTILE-LAB2", "hostile-lab")));
            Mutation foreign = Mutation.refused(Attack.FOREIGN_IDENTITY, id, Mutations.bytes(Mutations.json(sample)), "forbidden");
            List<Mutation> records = new ArrayList<>(List.of(foreign));
            if (i % 2 == 0) { // a batch is refused whole, its valid records included
                String own = nextId();
                records.add(0, Mutation.refused(Attack.FOREIGN_IDENTITY, own, Mutations.bytes(Mutations.json(
                        templates.record(InputTopic.SAMPLING_RESULTS, own))), "forbidden"));
            }
            cases.add(whole(Attack.FOREIGN_IDENTITY, InputTopic.SAMPLING_RESULTS, Caller.LAB,
                    records.size() == 1 ? foreign.value() : array(records), 403, "forbidden", records));
        }
        for (int i = 0; i < 4; i++) {
            String id = nextId(); // a lab may not publish complaints at all
            Mutation complaint = Mutation.refused(Attack.FOREIGN_IDENTITY, id, Mutations.bytes(Mutations.json(
                    templates.record(InputTopic.COMPLAINTS, id))), "forbidden");
            cases.add(whole(Attack.FOREIGN_IDENTITY, InputTopic.COMPLAINTS, Caller.LAB, complaint.value(), 403,
                    "forbidden", List.of(complaint)));
        }
        for (Caller caller : List.of(Caller.NONE, Caller.WRONG_TOKEN, Caller.NONE, Caller.WRONG_TOKEN)) {
            String id = nextId();
            Attack attack = caller == Caller.NONE ? Attack.NO_TOKEN : Attack.WRONG_TOKEN;
            Mutation record = Mutation.refused(attack, id, Mutations.bytes(Mutations.json(
                    templates.record(InputTopic.COMPLAINTS, id))), "unauthorized");
            cases.add(whole(attack, InputTopic.COMPLAINTS, caller, record.value(), 401, "unauthorized", List.of(record)));
        }
        return cases;
    }

    private HttpCase whole(Attack attack, InputTopic input, Caller caller, byte[] body, int status, String error,
                           List<Mutation> records) {
        return new HttpCase(seq++, attack, input, caller, body, status, error, List.copyOf(records));
    }

    private static byte[] array(List<Mutation> records) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(Mutations.bytes("["));
        for (int i = 0; i < records.size(); i++) {
            body.writeBytes(records.get(i).value());
            body.writeBytes(Mutations.bytes(i < records.size() - 1 ? "," : "]"));
        }
        return body.toByteArray();
    }

    /** Whether a record can sit in a JSON array without breaking the array's own syntax or limits. */
    private static boolean fitsInABatch(byte[] value) {
        Optional<String> text = value == null ? Optional.empty() : StrictUtf8.decode(value);
        if (text.isEmpty() || value.length > 20_000 || startsAnArray(value)) {
            return false;
        }
        try (JsonParser parser = SPLITTER.createParser(text.get())) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Reads like the API's array splitter (RequestBody): its limits, and duplicate keys pass. */
    private static final JsonFactory SPLITTER = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(60).maxStringLength(1_000_000).maxNumberLength(100).build())
            .build();

    private static boolean startsAnArray(byte[] value) {
        if (value == null) {
            return false;
        }
        for (byte b : value) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '[';
            }
        }
        return false;
    }

    /** The same record with its fields in reverse order and indented: the same content, other bytes. */
    private static byte[] reordered(byte[] value) {
        try {
            JsonNode record = Json.MAPPER.readTree(value);
            List<String> names = new ArrayList<>();
            record.fieldNames().forEachRemaining(names::add);
            Collections.reverse(names);
            ObjectNode reversed = Json.MAPPER.createObjectNode();
            names.forEach(name -> reversed.set(name, record.get(name)));
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(reversed);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh id for a hostile record (valid records are "…-V&lt;n&gt;"). */
    private String nextId() {
        return idPrefix() + (ids++);
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
