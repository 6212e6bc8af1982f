package org.foodrisk.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.kafka.Json;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies {@code foodrisk.detect.*} configuration to the topology's settings, concern by concern: each
 * key is the kebab-case name of a component of a concern record ({@code cluster-gap} of
 * {@link IllnessClusterSettings}), of a record nested under its name ({@code levels.cluster-red-cases},
 * {@code time.idle-after}) or a map entry ({@code default-pass-rates.饮料}, {@code count-method-options.min-sigma});
 * {@link TopologySettings} says which concern sits where, and each detector that wires itself where its
 * keys sit ({@link DetectorBuilder#settingsPrefix()}: under its name, or directly under {@code foodrisk.detect}).
 * Each value is taken as it would be written in JSON (numbers, ISO-8601 durations such as PT48H). Done through
 * each concern's JSON form, so that every component of every concern is configurable without a binding per
 * field and a new concern record needs none (a detector's record listed in {@link DetectorSettings} is bound
 * the same way, under its prefix). An unknown key stops the start with the list of known ones: a misspelt
 * threshold must not be silently ignored.
 * <p>
 * Not Micronaut's {@code @ConfigurationProperties} (as {@code foodrisk.ingest} is bound): the defaults stay in
 * each record's {@code defaults()}, with their reasons, for the tests that build the topology without
 * Micronaut, rather than repeated as {@code @Bindable} strings; and a key that no setting has is refused
 * here, which binding field by field does not do on its own.
 */
public final class SettingsOverrides {

    private SettingsOverrides() {
    }

    public static TopologySettings apply(TopologySettings base, Map<String, Object> overrides) {
        if (overrides.isEmpty()) {
            return base;
        }
        ObjectNode tree = tree(base);
        // Default options belong to a default method (min-sigma is EARS's): a method named without options
        // of its own (count-method: cusum) starts from its own defaults, not from options it would refuse; so
        // does one named with options of its own that does not take the defaults (pooled-nb: min-sigma), while
        // another EARS variant given an alpha keeps the floor on the sd.
        for (String key : overrides.keySet()) {
            String options = key + "-options";
            JsonNode defaults = tree.path(camelCase(options));
            if (tree.path(camelCase(key)).isValueNode() && defaults.isObject()
                    && (overrides.keySet().stream().noneMatch(k -> k.startsWith(options + "."))
                    || !CountAberrationSettings.takes(String.valueOf(overrides.get(key)), textMap(defaults),
                    key.startsWith("weekly")))) {
                tree.putObject(camelCase(options));
            }
        }
        for (Map.Entry<String, Object> override : overrides.entrySet()) {
            set(base, tree, override.getKey(), String.valueOf(override.getValue()));
        }
        RecordComponent[] components = TopologySettings.class.getRecordComponents();
        Object[] values = base.values();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            if (component.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            JsonNode node = component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)
                    ? tree : tree.get(component.getName());
            try {
                values[i] = Json.MAPPER.treeToValue(node, component.getType());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("foodrisk.detect: " + e.getOriginalMessage(), e);
            }
        }
        return TopologySettings.of(values).with(detectors(base.detectors(), tree));
    }

    /**
     * The settings as configuration names them: the @JsonUnwrapped concerns' components at the top, the nested
     * ones as objects, the @JsonIgnore'd (zone, deadlines) left out; then each listed detector's settings where
     * its prefix says. A detector's key that another setting already has is a mistake in the code, refused
     * here rather than letting one configured value set two settings.
     */
    static ObjectNode tree(TopologySettings base) {
        ObjectNode tree = Json.MAPPER.valueToTree(base);
        for (DetectorSettings.Part part : base.detectors().parts()) {
            ObjectNode values = Json.MAPPER.valueToTree(part.value());
            ObjectNode into = tree;
            if (!part.prefix().isEmpty()) {
                String name = camelCase(part.prefix());
                if (tree.has(name)) {
                    throw new IllegalStateException("foodrisk.detect." + part.prefix() + " is already a setting");
                }
                into = tree.putObject(name);
            }
            for (Iterator<String> names = values.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (into.has(name)) {
                    throw new IllegalStateException("two settings named " + kebabCase(name) + " under foodrisk.detect"
                            + (part.prefix().isEmpty() ? "" : "." + part.prefix()));
                }
                into.set(name, values.get(name));
            }
        }
        return tree;
    }

    /** The listed detectors' settings as the tree now holds them. */
    private static DetectorSettings detectors(DetectorSettings base, ObjectNode tree) {
        List<DetectorSettings.Part> parts = new ArrayList<>();
        for (DetectorSettings.Part part : base.parts()) {
            JsonNode node = part.prefix().isEmpty() ? tree : tree.get(camelCase(part.prefix()));
            try {
                parts.add(new DetectorSettings.Part(part.prefix(), Json.MAPPER.treeToValue(node, part.value().getClass())));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("foodrisk.detect: " + e.getOriginalMessage(), e);
            }
        }
        return new DetectorSettings(parts);
    }

    private static void set(TopologySettings base, ObjectNode tree, String key, String value) {
        String[] path = key.split("\\.");
        ObjectNode node = tree;
        Class<?> type = TopologySettings.class;
        for (int i = 0; i < path.length - 1; i++) {
            Class<?> childType = i == 0 ? topLevelType(base, camelCase(path[0]))
                    : type.isRecord() ? propertyType(type, camelCase(path[i])) : null;
            JsonNode child = node.get(camelCase(path[i]));
            if (childType == null || child == null || !child.isObject()) {
                throw unknown(key, node);
            }
            node = (ObjectNode) child;
            type = childType;
            // A map's keys are data (a category, an R option name such as min-sigma): taken as written. The
            // method options are checked by the method itself when the topology is built (an unknown option
            // stops the start there, naming the method's options).
            if (Map.class.isAssignableFrom(type)) {
                if (i != path.length - 2) {
                    throw unknown(key, node);
                }
                node.put(path[path.length - 1], value);
                return;
            }
        }
        String field = camelCase(path[path.length - 1]);
        if (!node.has(field) || node.get(field).isObject()) {
            throw unknown(key, node);
        }
        node.put(field, value);
    }

    /** The type of the configurable property of this name directly under foodrisk.detect, the listed detectors' included. */
    private static Class<?> topLevelType(TopologySettings base, String name) {
        Class<?> type = propertyType(TopologySettings.class, name);
        for (DetectorSettings.Part part : base.detectors().parts()) {
            if (type != null) {
                return type;
            }
            Class<? extends Record> partType = part.value().getClass();
            if (part.prefix().isEmpty()) {
                type = propertyType(partType, name);
            } else if (camelCase(part.prefix()).equals(name)) {
                type = partType;
            }
        }
        return type;
    }

    /** The type of the configurable property of this name of a settings record, looking into unwrapped concerns. */
    private static Class<?> propertyType(Class<?> record, String name) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
                Class<?> inner = propertyType(component.getType(), name);
                if (inner != null) {
                    return inner;
                }
            } else if (component.getName().equals(name)) {
                return component.getType();
            }
        }
        return null;
    }

    private static IllegalArgumentException unknown(String key, ObjectNode node) {
        List<String> known = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            known.add(kebabCase(names.next()));
        }
        return new IllegalArgumentException("unknown setting foodrisk.detect." + key + "; known here: " + known);
    }

    static String camelCase(String kebab) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String kebabCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> textMap(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
