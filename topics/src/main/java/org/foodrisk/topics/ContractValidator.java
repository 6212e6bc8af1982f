package org.foodrisk.topics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;

/**
 * Checks a record value against the JSON Schema of its contract topic.
 *
 * <p>Instances are immutable and thread-safe; {@link #forTopic} caches one per topic because
 * compiling a schema costs far more than validating a record.
 *
 * <p>On the four input topics a hand-written {@link FastContractCheck} vouches for the records it
 * is sure of first; the schema engine checks the rest, and words every violation.
 */
public final class ContractValidator {

    private static final Map<String, ContractValidator> BY_TOPIC = new ConcurrentHashMap<>();

    // Format assertions are off by default in draft 2020-12 ("format" is only an annotation);
    // the contract requires an offset on every time, so they must be on. English messages and
    // JSON-path locations make the errors stable text for dead letters, whatever the JVM locale.
    // "errorMessage" (the keyword ajv-errors uses too) lets a schema word a rule that the plain
    // keywords express badly, such as "at least one of districtCode, districtName".
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .locale(Locale.ENGLISH)
                    .pathType(PathType.JSON_PATH)
                    .errorMessageKeyword("errorMessage")
                    .build()));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final Schema schema;
    /** Null for topics without one (the output topics): the engine checks every record there. */
    private final FastContractCheck fastCheck;

    private ContractValidator(String topic, Schema schema) {
        this.topic = topic;
        this.schema = schema;
        this.fastCheck = FastContractCheck.forTopic(topic).orElse(null);
    }

    /**
     * The validator of a contract topic.
     *
     * @throws IllegalArgumentException when the topic is unknown or has no value schema
     */
    public static ContractValidator forTopic(String topic) {
        Objects.requireNonNull(topic, "topic");
        return BY_TOPIC.computeIfAbsent(topic, ContractValidator::compile);
    }

    /**
     * Validates one record value.
     *
     * @return one message per violation, each starting with the JSON path of the offending
     *     value and naming the rule, e.g. {@code $.verdict: does not have a value in the
     *     enumeration [合格, 不合格]}; empty when the value is valid
     */
    public List<String> validate(JsonNode value) {
        // Most records are valid: the hand-written check of an input topic vouches for those
        // at a fraction of the engine's cost. It never refuses: a record it is not sure of goes
        // to the engine, which words every violation, so the messages are the engine's alone.
        if (fastCheck != null && fastCheck.certainlyValid(value)) {
            return List.of();
        }
        return validateWithSchema(value);
    }

    /**
     * The schema engine's verdict alone, without the fast check: the same answer as
     * {@link #validate}, at the engine's cost on every record. For the tests that compare the
     * fast check with the engine, and for benchmarks.
     */
    public List<String> validateWithSchema(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return List.of("$: no value (a contract record must be a JSON object)");
        }
        try {
            return schema.validate(toValidatorInput(value), InputFormat.JSON).stream()
                    .map(ContractValidator::describe)
                    .distinct() // the two branches of an "at least one of" anyOf report the same message
                    .toList();
        } catch (JacksonException e) {
            // The validator's parser has tighter limits than the one that built the tree (e.g. nesting
            // depth 500): a record beyond them is hostile or broken, so it is invalid, not a crash.
            return List.of("$: cannot be validated: " + e.getOriginalMessage());
        }
    }

    /** The topic this validator checks. */
    public String topic() {
        return topic;
    }

    private static ContractValidator compile(String topic) {
        TopicSpec spec = TopicCatalogue.spec(topic);
        if (spec.valueSchema() == null) {
            throw new IllegalArgumentException("topic " + topic + " has no value schema in the catalogue");
        }
        Schema schema;
        try (InputStream in = resource(spec.valueSchema())) {
            schema = REGISTRY.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + spec.valueSchema(), e);
        }
        // Resolve every keyword now, so a broken schema fails at start-up rather than on the
        // first record, and no request thread pays for the lazy initialisation.
        schema.initializeValidators();
        return new ContractValidator(topic, schema);
    }

    private static InputStream resource(String path) {
        InputStream in = ContractValidator.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("schema resource not found on the classpath: " + path);
        }
        return in;
    }

    /**
     * The validator is built on Jackson 3 ({@code tools.jackson}) while the project's records
     * are Jackson 2 trees, so the value crosses over as JSON text. That and the engine took about
     * 15 % of the stream thread's CPU on a replay: why valid input records take the fast check.
     */
    private static String toValidatorInput(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be serialised as JSON", e);
        }
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }
}
