package org.foodrisk.topology;

import org.foodrisk.ingest.SignalType;

/**
 * The pooled stage's series ({@code <type>|<city>|<category>}) and what its model counts: the failures of sampling
 * with the samples as effort, every record of the other streams.
 */
final class PooledSeries {

    private PooledSeries() {
    }

    /** {@code type|…}: the signal type a series counts. */
    static SignalType typeOf(String series) {
        return SignalType.valueOf(series.substring(0, series.indexOf('|')).toUpperCase());
    }

    /** {@code type|city|category}: the food category a series counts. */
    static String categoryOf(String series) {
        return series.substring(series.indexOf('|', series.indexOf('|') + 1) + 1);
    }

    /** Sampling is judged on its failures; the other streams on every record. */
    static long counted(SignalType type, long count, long failed) {
        return type == SignalType.SAMPLING ? failed : count;
    }

    /** A period's sampling effort: its number of samples for sampling failures, 1 for the other streams. */
    static double effort(SignalType type, long count) {
        return type == SignalType.SAMPLING ? Math.max(1, count) : 1;
    }
}
