package org.foodrisk.topics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A mirror of one {@code "type": "object"} schema: its {@code properties}, its {@code required}
 * list, and — as none of the input contracts sets {@code additionalProperties} — any other
 * property allowed (if the engine can re-read it, see {@link ValueRules#unnamedPropertyIsFine}).
 */
final class ObjectShape implements ValueRule {

    private final Map<String, ValueRule> properties;
    private final Set<String> required;

    private ObjectShape(Map<String, ValueRule> properties, Set<String> required) {
        this.properties = Map.copyOf(properties);
        this.required = Set.copyOf(required);
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean accepts(JsonNode value) {
        if (!value.isObject()) {
            return false;
        }
        // One pass over what the record holds: each named property against its rule, the
        // others against the re-read bounds, and a count of the required ones met.
        int requiredSeen = 0;
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            ValueRule rule = properties.get(field.getKey());
            if (rule == null) {
                if (!ValueRules.unnamedPropertyIsFine(field.getKey(), field.getValue())) {
                    return false;
                }
            } else {
                if (!rule.accepts(field.getValue())) {
                    return false;
                }
                if (required.contains(field.getKey())) {
                    requiredSeen++;
                }
            }
        }
        return requiredSeen == required.size();
    }

    static final class Builder {

        private final Map<String, ValueRule> properties = new HashMap<>();
        private final Set<String> required = new HashSet<>();

        private Builder() {
        }

        /** A property listed in {@code required}; its rule decides what a present value may be. */
        Builder required(String name, ValueRule rule) {
            required.add(name);
            return optional(name, rule);
        }

        /** A property in {@code properties} only: it may be absent. */
        Builder optional(String name, ValueRule rule) {
            if (properties.put(name, rule) != null) {
                throw new IllegalArgumentException("property " + name + " named twice");
            }
            return this;
        }

        ObjectShape build() {
            return new ObjectShape(properties, required);
        }
    }
}
