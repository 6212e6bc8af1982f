package org.foodrisk.topology;

import java.time.Duration;

/**
 * Settings of the multi-stream fusion detector ({@code fusion}), configured as
 * {@code foodrisk.detect.fusion-window} and {@code foodrisk.detect.fusion-min-signals}.
 *
 * @param fusionWindow     how close signals of different streams must be to fuse
 * @param fusionMinSignals fewest notable signals for a fusion alert
 */
public record FusionSettings(Duration fusionWindow, int fusionMinSignals) {

    public static FusionSettings defaults() {
        return new FusionSettings(Duration.ofDays(7), 3);
    }
}
