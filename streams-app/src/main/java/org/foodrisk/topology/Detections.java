package org.foodrisk.topology;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.foodrisk.detect.Detection;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The detections of every detector, gathered by the stage they come from ({@link DetectionStage}) on their way to
 * alert state. A detector's wiring adds its stream under its name and stage; within a stage the streams merge at
 * nodes named "merge-detections-" + name, in the order they were added.
 */
final class Detections {

    private final Map<DetectionStage, List<Branch>> byStage = new EnumMap<>(DetectionStage.class);
    private final Set<String> names = new HashSet<>();

    /** One detector's detections. */
    private record Branch(String name, KStream<String, Detection> stream) {
    }

    /** Adds a detector's detections under its name (kebab-case, unique) and the stage its processor runs in. */
    Detections add(String name, DetectionStage stage, KStream<String, Detection> detections) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("two detectors named " + name);
        }
        byStage.computeIfAbsent(stage, s -> new ArrayList<>()).add(new Branch(name, detections));
        return this;
    }

    /** Each stage's detections merged into one stream, in stage order. */
    Map<DetectionStage, KStream<String, Detection>> mergedByStage() {
        if (byStage.isEmpty()) {
            throw new IllegalStateException("no detector wired");
        }
        Map<DetectionStage, KStream<String, Detection>> merged = new EnumMap<>(DetectionStage.class);
        byStage.forEach((stage, streams) -> {
            KStream<String, Detection> stream = streams.get(0).stream();
            for (Branch next : streams.subList(1, streams.size())) {
                stream = stream.merge(next.stream(), Named.as("merge-detections-" + next.name()));
            }
            merged.put(stage, stream);
        });
        return merged;
    }
}
