package org.foodrisk.evaluation;

import java.util.List;
import java.util.Optional;

/**
 * An injected outbreak of known start and size.
 *
 * @param id          its number in the run
 * @param replicate   the replicate of the district-year it belongs to
 * @param district    index of its district
 * @param k           size multiplier: the cases in a stream ~ Poisson(k × size factor × weekly sd)
 * @param startDay    day index on which it starts (the first illness onset); delays count from here
 * @param scored      true for outbreaks in the evaluated year; history outbreaks only contaminate baselines
 * @param appearances the streams it shows in
 */
public record Outbreak(int id, int replicate, int district, double k, int startDay, boolean scored,
                       List<StreamOutbreak> appearances) {

    public Outbreak {
        appearances = List.copyOf(appearances);
    }

    public Optional<StreamOutbreak> in(int stream) {
        return appearances.stream().filter(a -> a.stream() == stream).findFirst();
    }

    /** The last day on which any stream shows a case of it. */
    public int lastDay() {
        return appearances.stream().mapToInt(StreamOutbreak::lastDay).max().orElse(startDay);
    }

    public int cases() {
        return appearances.stream().mapToInt(StreamOutbreak::cases).sum();
    }
}
