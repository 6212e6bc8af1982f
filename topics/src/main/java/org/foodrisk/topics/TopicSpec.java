package org.foodrisk.topics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.config.TopicConfig;

/**
 * One topic of the catalogue, as declared in {@code foodrisk/topics.json}.
 *
 * @param name            topic name
 * @param description     what the topic carries, for people
 * @param contract        whether the topic is part of the public contract (fixed name and fields)
 * @param role            who writes it: publishers (input), the service (output), or the service for itself
 * @param partitions      partition count to create
 * @param replicationFactor production replication factor; the provisioner clamps it to the broker count
 * @param cleanupPolicy   {@code delete}, {@code compact} or {@code compact,delete}
 * @param retentionMs     {@code retention.ms}; -1 keeps records forever
 * @param extraConfigs    further topic-level configs (everything except cleanup.policy and retention.ms)
 * @param keyFormat       how the record key is formed, e.g. {@code string: sampleId}
 * @param valueFormat     encoding of the value, e.g. {@code json}
 * @param valueSchema     classpath resource of the value's JSON Schema; null for non-contract topics
 * @param eventTimeField  value field carrying the event time; null when the topic has none
 */
public record TopicSpec(
        String name,
        String description,
        boolean contract,
        Role role,
        int partitions,
        short replicationFactor,
        String cleanupPolicy,
        long retentionMs,
        Map<String, String> extraConfigs,
        String keyFormat,
        String valueFormat,
        String valueSchema,
        String eventTimeField) {

    private static final Set<String> CLEANUP_POLICIES = Set.of(
            TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE);

    /** Who writes a topic. */
    public enum Role {
        /** Written by publishers outside the service (labs, hospitals, hotlines, people acting on alerts). */
        @JsonProperty("input") INPUT,
        /** Written by the service for subscribers. */
        @JsonProperty("output") OUTPUT,
        /** Written and read by the service itself. */
        @JsonProperty("internal") INTERNAL
    }

    public TopicSpec {
        requireText(name, "name");
        Objects.requireNonNull(role, () -> name + ": role");
        if (partitions < 1) {
            throw new IllegalArgumentException(name + ": partitions must be at least 1");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(name + ": replicationFactor must be at least 1");
        }
        if (!CLEANUP_POLICIES.contains(cleanupPolicy)) {
            throw new IllegalArgumentException(name + ": cleanupPolicy must be one of " + CLEANUP_POLICIES);
        }
        if (retentionMs < -1) {
            throw new IllegalArgumentException(name + ": retentionMs must be -1 or more");
        }
        extraConfigs = extraConfigs == null ? Map.of() : Map.copyOf(extraConfigs);
        // cleanup.policy and retention.ms have their own fields; allowing them here too would
        // give the catalogue two answers to one question.
        if (extraConfigs.containsKey(TopicConfig.CLEANUP_POLICY_CONFIG)
                || extraConfigs.containsKey(TopicConfig.RETENTION_MS_CONFIG)) {
            throw new IllegalArgumentException(name + ": put cleanup.policy and retention.ms in their own fields");
        }
        if (contract && valueSchema == null) {
            throw new IllegalArgumentException(name + ": a contract topic needs a valueSchema");
        }
    }

    /** Every topic-level config to create the topic with: the extra configs, cleanup.policy and retention.ms. */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy);
        configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs));
        configs.putAll(new TreeMap<>(extraConfigs)); // sorted: stable output in reports and diffs
        return Collections.unmodifiableMap(configs);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("topic " + field + " must not be blank");
        }
    }
}
