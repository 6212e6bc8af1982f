package org.foodrisk.topology;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.foodrisk.detect.Detection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Adding a detector is one {@link Detections#add} call: it merges with the detectors of its stage, in the order added. */
class DetectionsTest {

    @Test
    void detectorsMergeWithinTheirStageOnly() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Detection> in = builder.stream("in");
        KStream<String, Detection> other = builder.stream("other");
        Map<DetectionStage, KStream<String, Detection>> merged = new Detections()
                .add("brand-new", DetectionStage.DISTRICT_CATEGORY, in.filter((k, v) -> true, Named.as("detect-brand-new")))
                .add("critical-hazard", DetectionStage.INTAKE, other.filter((k, v) -> true, Named.as("detect-critical-hazard")))
                .add("failure-rate", DetectionStage.DISTRICT_CATEGORY, in.filter((k, v) -> true, Named.as("detect-failure-rate")))
                .mergedByStage();
        assertEquals(List.of(DetectionStage.INTAKE, DetectionStage.DISTRICT_CATEGORY), List.copyOf(merged.keySet()));
        merged.forEach((stage, stream) -> stream.to("out-" + stage.nodeSuffix()));
        String description = builder.build().describe().toString();

        assertTrue(description.contains("merge-detections-failure-rate (stores: [])\n      --> KSTREAM-SINK"), description);
        assertFalse(description.contains("merge-detections-brand-new"), "the first of a stage is merged into, not merged");
        assertFalse(description.contains("merge-detections-critical-hazard"), "alone in its stage");
        assertEquals(2, builder.build().describe().subtopologies().size(), "the stages stay apart");
    }

    @Test
    void twoDetectorsCannotShareAName() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Detection> in = builder.stream("in");
        Detections detections = new Detections().add("fusion", DetectionStage.DISTRICT_CATEGORY, in);
        assertThrows(IllegalArgumentException.class, () -> detections.add("fusion", DetectionStage.ENTERPRISE, in));
    }
}
