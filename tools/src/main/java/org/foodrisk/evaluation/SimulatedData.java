package org.foodrisk.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * One simulated run: daily counts of every replicate × district × stream, and the outbreaks in them.
 */
public final class SimulatedData {

    private final SimulationConfig config;
    private final List<District> districts;
    private final List<StreamProfile> streams;
    private final int replicates;
    private final long[][][][] counts;
    private final List<Outbreak> outbreaks;

    SimulatedData(SimulationConfig config, List<District> districts, List<StreamProfile> streams, int replicates,
                  long[][][][] counts, List<Outbreak> outbreaks) {
        this.config = config;
        this.districts = List.copyOf(districts);
        this.streams = List.copyOf(streams);
        this.replicates = replicates;
        this.counts = counts;
        this.outbreaks = List.copyOf(outbreaks);
    }

    public SimulationConfig config() {
        return config;
    }

    public List<District> districts() {
        return districts;
    }

    public List<StreamProfile> streams() {
        return streams;
    }

    public int replicates() {
        return replicates;
    }

    public int days() {
        return config.days();
    }

    public int evaluationStart() {
        return config.evaluationStart();
    }

    public int evaluatedDays() {
        return days() - evaluationStart();
    }

    public LocalDate date(int day) {
        return config.firstDay().plusDays(day);
    }

    /** Daily counts of one series (a copy). */
    public long[] counts(int replicate, int district, int stream) {
        return counts[replicate][district][stream].clone();
    }

    /** Every injected outbreak, scored and history ones, in the order they were made. */
    public List<Outbreak> outbreaks() {
        return outbreaks;
    }

    public List<Outbreak> scoredOutbreaks() {
        return outbreaks.stream().filter(Outbreak::scored).toList();
    }

    /** The scored outbreaks of one district-year. */
    public List<Outbreak> scoredOutbreaks(int replicate, int district) {
        return outbreaks.stream()
                .filter(o -> o.scored() && o.replicate() == replicate && o.district() == district)
                .toList();
    }
}
