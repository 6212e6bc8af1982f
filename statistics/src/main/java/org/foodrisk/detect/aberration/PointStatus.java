package org.foodrisk.detect.aberration;

/** Whether a time point was judged, or why not. */
public enum PointStatus {
    /** The method ran on this point: its figures and alarm are meaningful. */
    EVALUATED,
    /** Not enough history for this method at this point: no alarm, figures NaN. */
    INSUFFICIENT_HISTORY
}
