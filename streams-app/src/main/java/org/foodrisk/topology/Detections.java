package org.foodrisk.topology;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.foodrisk.detect.Detection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detections of every detector, merged on their way to alert state. A detector's wiring adds its
 * stream under its name; the merge node is named after it ("merge-detections-" + name), and those names
 * must stay as they are (they are in the pinned topology description).
 *
 * <p>The detectors wired before 2026-12-06 merge in the order they always did ({@link #PINNED_ORDER}):
 * the order of a merge chain is part of {@code describe()}, which {@code TopologyDescriptionTest} pins.
 * A detector added later is merged after them, in the order it was added — adding one is one
 * {@link #add} call, nothing to list here.
 */
final class Detections {

    static final List<String> PINNED_ORDER = List.of("critical-hazard", "failure-rate", "repeat-offender",
            "complaint-repeat", "illness-cluster", "illness-spacetime", "opinion", "fusion", "count-aberrations",
            "syndrome-aberrations", "plan-targets", "food-hazard-cluster", "restricted-pesticide");

    private final Map<String, KStream<String, Detection>> byName = new LinkedHashMap<>();

    /** Adds a detector's detections under its name (kebab-case, unique). */
    Detections add(String name, KStream<String, Detection> detections) {
        if (byName.putIfAbsent(name, detections) != null) {
            throw new IllegalArgumentException("two detectors named " + name);
        }
        return this;
    }

    KStream<String, Detection> merged() {
        List<String> order = new ArrayList<>(PINNED_ORDER.stream().filter(byName::containsKey).toList());
        byName.keySet().stream().filter(name -> !PINNED_ORDER.contains(name)).forEach(order::add);
        if (order.isEmpty()) {
            throw new IllegalStateException("no detector wired");
        }
        KStream<String, Detection> merged = byName.get(order.get(0));
        for (String name : order.subList(1, order.size())) {
            merged = merged.merge(byName.get(name), Named.as("merge-detections-" + name));
        }
        return merged;
    }
}
