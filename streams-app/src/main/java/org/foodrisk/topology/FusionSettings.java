package org.foodrisk.topology;

import java.time.Duration;

/**
 * Settings of the multi-stream fusion detector ({@code fusion}, {@code detect/FusionRule}), configured as
 * {@code foodrisk.detect.fusion-window}, {@code fusion-min-signals}, {@code fusion-alpha},
 * {@code fusion-stream-alpha} and {@code fusion-baseline}.
 *
 * @param fusionWindow      how close signals of different streams must be to fuse
 * @param fusionMinSignals  fewest notable signals (of the contributing streams) for a fusion alert
 * @param fusionAlpha       the combined (Fisher) probability at or below which the streams fuse
 * @param fusionStreamAlpha a stream contributes when its own Poisson tail against its baseline is at most this
 * @param fusionBaseline    how far back each stream's baseline for a food reaches
 */
public record FusionSettings(Duration fusionWindow, int fusionMinSignals, double fusionAlpha, double fusionStreamAlpha,
                             Duration fusionBaseline) {

    public static FusionSettings defaults() {
        return new FusionSettings(Duration.ofDays(7), 3, 0.001, 0.1, Duration.ofDays(84));
    }
}
