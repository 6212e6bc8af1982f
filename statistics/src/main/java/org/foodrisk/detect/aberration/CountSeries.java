package org.foodrisk.detect.aberration;

import java.time.LocalDate;
import java.util.List;

/**
 * A count series of one unit (e.g. one district × category): consecutive periods, each with
 * its first day and its count. Periods without records must be present with count 0.
 */
public record CountSeries(String unit, Frequency frequency, List<LocalDate> dates, long[] counts) {

    public CountSeries {
        dates = List.copyOf(dates);
        counts = counts.clone();
        if (dates.size() != counts.length) {
            throw new IllegalArgumentException("dates and counts differ in length");
        }
    }

    public int size() {
        return counts.length;
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    public long count(int index) {
        return counts[index];
    }
}
