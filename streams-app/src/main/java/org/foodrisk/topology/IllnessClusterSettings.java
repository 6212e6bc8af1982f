package org.foodrisk.topology;

import java.time.Duration;

/**
 * Settings of the suspected-outbreak detector ({@code illness.cluster}), configured as
 * {@code foodrisk.detect.cluster-gap}, {@code cluster-min-cases} and {@code cluster-exposure-window}
 * (e.g. {@code foodrisk.detect.cluster-gap: PT48H}); the levels by size are
 * {@code foodrisk.detect.levels.cluster-*} ({@link org.foodrisk.detect.LevelPolicy}).
 *
 * @param clusterGap            longest gap between consecutive onsets of cases in one outbreak episode
 * @param clusterMinCases       cases with a common exposure that make a suspected outbreak
 * @param clusterExposureWindow the window within which all cases of one outbreak episode may have been exposed
 *                              (one day's meals); see {@link org.foodrisk.detect.OutbreakDefinition}
 */
public record IllnessClusterSettings(Duration clusterGap, int clusterMinCases, Duration clusterExposureWindow) {

    public static IllnessClusterSettings defaults() {
        return new IllnessClusterSettings(Duration.ofHours(72), 2, Duration.ofHours(24));
    }
}
