package org.foodrisk.topology;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.foodrisk.detect.Detection;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Adding a detector is one {@link Detections#add} call: it merges after the pinned ones, in the order added. */
class DetectionsTest {

    @Test
    void aDetectorAddedLaterMergesAfterThePinnedOnesWhateverOrderTheyWereAddedIn() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Detection> in = builder.stream("in");
        new Detections()
                .add("brand-new", in.filter((k, v) -> true, Named.as("detect-brand-new")))
                .add("failure-rate", in.filter((k, v) -> true, Named.as("detect-failure-rate")))
                .add("critical-hazard", in.filter((k, v) -> true, Named.as("detect-critical-hazard")))
                .add("another-new", in.filter((k, v) -> true, Named.as("detect-another-new")))
                .merged().to("out");
        String description = builder.build().describe().toString();

        assertTrue(description.contains("merge-detections-failure-rate (stores: [])\n      --> merge-detections-brand-new"),
                description);
        assertTrue(description.contains("merge-detections-brand-new (stores: [])\n      --> merge-detections-another-new"),
                description);
        assertFalse(description.contains("merge-detections-critical-hazard"), "the first is merged into, not merged");
    }

    @Test
    void twoDetectorsCannotShareAName() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Detection> in = builder.stream("in");
        Detections detections = new Detections().add("fusion", in);
        assertThrows(IllegalArgumentException.class, () -> detections.add("fusion", in));
    }
}
