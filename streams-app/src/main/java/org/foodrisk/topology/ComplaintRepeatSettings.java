package org.foodrisk.topology;

import java.time.Duration;

/**
 * Settings of the repeated-complaints detector ({@code complaint.repeat-enterprise}), configured as
 * {@code foodrisk.detect.complaint-window} and {@code foodrisk.detect.complaint-min-count}; the levels by
 * count are {@code foodrisk.detect.levels.complaint-*} ({@link org.foodrisk.detect.LevelPolicy}). Registered by
 * its builder ({@link ComplaintRepeatBuilder}), not a component of {@link TopologySettings}:
 * {@code settings.part(ComplaintRepeatSettings.class)}.
 *
 * @param complaintWindow   how close complaints about one business must be
 * @param complaintMinCount complaints about one business that make an alert
 */
public record ComplaintRepeatSettings(Duration complaintWindow, int complaintMinCount) {

    public static ComplaintRepeatSettings defaults() {
        return new ComplaintRepeatSettings(Duration.ofDays(30), 2);
    }
}
