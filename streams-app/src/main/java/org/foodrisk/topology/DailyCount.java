package org.foodrisk.topology;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Signals of one type in one district × category on one day: the count, how many of them were
 * failures (sampling) or rumours (opinion), and their summed weight (reach for opinion).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DailyCount(long count, long failed, long weight) {

    public DailyCount add(int sign, boolean failedSignal, long signalWeight) {
        return new DailyCount(count + sign, failed + (failedSignal ? sign : 0), weight + sign * signalWeight);
    }
}
