package org.foodrisk.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.kafka.Json;
import org.foodrisk.topology.TopologySettings;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code foodrisk.detect.*} configuration to the topology's settings: each key is the
 * kebab-case name of a {@link TopologySettings} component (nested with dots, e.g.
 * {@code levels.cluster-red-cases}), each value as it would be written in JSON (numbers, ISO-8601
 * durations such as PT48H). Done through the settings' JSON form so that every component is
 * configurable without a binding per field. An unknown key stops the start with the list of
 * known ones: a misspelt threshold must not be silently ignored.
 */
final class SettingsOverrides {

    private SettingsOverrides() {
    }

    static TopologySettings apply(TopologySettings base, Map<String, Object> overrides) {
        if (overrides.isEmpty()) {
            return base;
        }
        // Deadlines are configured under foodrisk.deadlines.* (RuntimeFactory) and have no JSON form.
        // So are the 核查处置 deadlines (foodrisk.disposal.deadlines.*).
        ObjectNode tree = Json.MAPPER.valueToTree(base.withDeadlines(null).withDisposal(null));
        tree.remove("deadlines");
        tree.remove("disposal");
        // The default options belong to the default method (min-sigma is EARS's): another method
        // named without options of its own starts from R's defaults, not from options it would refuse.
        for (String method : List.of("count-method", "weekly-count-method")) {
            if (overrides.containsKey(method)
                    && overrides.keySet().stream().noneMatch(k -> k.startsWith(method + "-options."))) {
                tree.putObject(camelCase(method + "-options"));
            }
        }
        for (Map.Entry<String, Object> override : overrides.entrySet()) {
            String[] path = override.getKey().split("\\.");
            ObjectNode node = tree;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = node.get(camelCase(path[i]));
                if (child == null || !child.isObject()) {
                    throw unknown(override.getKey(), node);
                }
                node = (ObjectNode) child;
            }
            // A map's keys are data (a category, an R option name such as min-sigma): taken as written.
            boolean mapEntry = node != tree && isMap(tree, path);
            String field = mapEntry ? path[path.length - 1] : camelCase(path[path.length - 1]);
            if (!node.has(field) && !mapEntry) {
                throw unknown(override.getKey(), node);
            }
            node.put(field, String.valueOf(override.getValue()));
        }
        try {
            return Json.MAPPER.treeToValue(tree, TopologySettings.class).withDeadlines(base.deadlines())
                    .withDisposal(base.disposal());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("foodrisk.detect: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * defaultPassRates is a map by category: new categories may be added to it; the method options
     * are maps by option name, checked by the method itself when the topology is built (an unknown
     * option stops the start there, naming the method's options).
     */
    private static boolean isMap(ObjectNode tree, String[] path) {
        return path.length == 2 && MAPS.contains(camelCase(path[0]));
    }

    private static final java.util.Set<String> MAPS =
            java.util.Set.of("defaultPassRates", "countMethodOptions", "weeklyCountMethodOptions");

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
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
