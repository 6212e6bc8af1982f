package org.foodrisk.detect.aberration;

/** The period of a count series: one count per day or per (ISO) week. */
public enum Frequency {
    DAY(365),
    WEEK(52);

    private final int periodsPerYear;

    Frequency(int periodsPerYear) {
        this.periodsPerYear = periodsPerYear;
    }

    /** As R's sts objects: 52 for weekly series, 365 for daily ones. */
    public int periodsPerYear() {
        return periodsPerYear;
    }
}
