package org.foodrisk.query;

import java.time.LocalDate;
import java.util.List;

/**
 * The daily counts of one district × food category — or, for the per-syndrome illness series,
 * one district × syndrome ({@code syndrome} set, {@code foodCategory} null, only illness counted) —
 * day by day in event time, with the thresholds the count detector ({@code method}) computed for
 * each day: the line an alert's chart draws over the counts. A threshold is null where the
 * detector had too little history.
 */
public record DailySeries(String districtCode, String foodCategory, String syndrome, String method, LocalDate from,
                          LocalDate to, List<Day> days) {

    /**
     * One day: sampling results and how many failed, illness cases, complaints, opinion posts and
     * their reach; the detector's threshold for failed samples, cases and complaints.
     */
    public record Day(LocalDate date, long sampling, long samplingFailed, long illness, long complaints, long opinion,
                      long opinionReach, Double samplingFailedThreshold, Double illnessThreshold,
                      Double complaintThreshold) {
    }
}
