package org.foodrisk.detect.aberration;

import java.util.List;

/**
 * A statistical aberration-detection method on a count series: pure, no Kafka, no I/O.
 * Implementations reproduce R's {@code surveillance} package (the reference implementation);
 * each cites the method and states its agreement with R in its tests.
 */
public interface AberrationMethod {

    /** Short name as the backtest CLI and alerts use it, e.g. "ears-c1", "farrington-flexible". */
    String name();

    /** The publication and the R function it follows. */
    String citation();

    /**
     * Judges every point of {@code series} from index {@code from} on (earlier points are only
     * history). Returns one point per judged index, in order; points with too little history come
     * back as {@link PointStatus#INSUFFICIENT_HISTORY}, never as alarms.
     */
    List<DetectionPoint> detect(CountSeries series, int from);
}
