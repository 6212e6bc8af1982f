package org.foodrisk.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.statistics.distribution.ContinuousDistribution;

/**
 * Simulates daily counts per district × stream as Noufaily et al. (2013) simulate weekly ones, and
 * injects outbreaks of known start and size.
 *
 * <ul>
 *   <li>Baseline: each day's count is negative binomial with mean district scale × μ(t) and variance
 *       φ × mean ({@link BaselineModel}), drawn as a gamma–Poisson mixture.</li>
 *   <li>Outbreak size (Noufaily et al. 2013, section 3.2): the cases an outbreak adds to a stream are
 *       Poisson(k × size factor × sd), where sd is the standard deviation of the stream's baseline
 *       count in the week starting at the outbreak's onset there — the weekly sd, so that the same
 *       outbreak aggregated to weeks is sized as in the paper. A draw below 2 cases is redrawn: an
 *       outbreak has at least two cases (China's definition of a foodborne-disease outbreak).</li>
 *   <li>Onset profile: each case falls {@code floor(u × X)} days after the onset, X ~ lognormal(0, 0.5)
 *       (Noufaily et al.; R {@code surveillance::sts_creation}'s {@code lognormDiscrete}), with
 *       u = {@link SimulationConfig#onsetUnitDays()} days per unit (7: the paper's weeks), X truncated
 *       below 4 units (R truncates at {@code Dmax} = 20; the difference is 0.3 % of the mass).</li>
 *   <li>Streams: in multi-stream mode an outbreak shows in every stream of its district, each
 *       {@link StreamProfile#onsetLagDays()} after its start, sized by the stream's own noise.</li>
 *   <li>Outbreak starts: each district-year is cut in {@code outbreaksPerDistrictYear} equal segments and an
 *       outbreak starts at a uniformly random day of a segment, early enough to end inside it; so
 *       outbreaks never overlap and fall in every season. History years get outbreaks too (unscored), as in
 *       the paper, so that baselines hold past outbreaks the detectors must cope with.</li>
 * </ul>
 */
public final class OutbreakSimulator {

    /** The lognormal onset profile of Noufaily et al.: meanlog 0, sdlog 0.5, in onset units. */
    static final double ONSET_MEANLOG = 0;
    static final double ONSET_SDLOG = 0.5;
    /** Onset units after which the profile is cut (P(X ≥ 4) ≈ 0.003). */
    static final double ONSET_MAX_UNITS = 4;
    static final int MIN_CASES = 2;

    private static final long BASELINE = 1;
    private static final long PLACEMENT = 2;
    private static final long INJECTION = 3;

    private final SimulationConfig config;
    private final List<District> districts;
    private final List<StreamProfile> streams;

    public OutbreakSimulator(SimulationConfig config, List<StreamProfile> streams) {
        this.config = config;
        this.districts = District.first(config.districts());
        this.streams = List.copyOf(streams);
        if (segmentLength() <= reservedDays()) {
            throw new IllegalArgumentException(config.outbreaksPerDistrictYear() + " outbreaks a year leave "
                    + segmentLength() + " days each, but an outbreak may last " + reservedDays() + " days");
        }
    }

    public OutbreakSimulator(SimulationConfig config) {
        this(config, StreamProfile.defaults());
    }

    /**
     * One run. {@code run} names it (runs with different names draw independently); without
     * outbreaks the counts are baseline only.
     */
    public SimulatedData simulate(long run, boolean withOutbreaks) {
        int replicates = config.replicates(streams.size());
        long[][][][] counts = new long[replicates][districts.size()][streams.size()][];
        for (int r = 0; r < replicates; r++) {
            for (int d = 0; d < districts.size(); d++) {
                for (int s = 0; s < streams.size(); s++) {
                    counts[r][d][s] = baseline(RandomNumbers.of(config.seed(), run, BASELINE, r, d, s), d, s);
                }
            }
        }
        List<Outbreak> outbreaks = withOutbreaks ? placeAndInject(run, replicates, counts) : List.of();
        return new SimulatedData(config, districts, streams, replicates, counts, outbreaks);
    }

    private long[] baseline(RandomNumbers random, int district, int stream) {
        BaselineModel model = streams.get(stream).baseline();
        long[] counts = new long[config.days()];
        for (int day = 0; day < counts.length; day++) {
            counts[day] = random.negativeBinomial(mean(district, stream, day), model.dispersion());
        }
        return counts;
    }

    private double mean(int district, int stream, int day) {
        return districts.get(district).scale() * streams.get(stream).baseline().mean(day + 1);
    }

    /** Placement of one outbreak before it is drawn: district-year, segment, k and (single mode) stream. */
    private record Slot(int replicate, int district, int year, int segment) {
    }

    private List<Outbreak> placeAndInject(long run, int replicates, long[][][][] counts) {
        RandomNumbers placement = RandomNumbers.of(config.seed(), run, PLACEMENT);
        int perYear = config.outbreaksPerDistrictYear();
        List<Slot> evaluated = new ArrayList<>();
        for (int r = 0; r < replicates; r++) {
            for (int d = 0; d < districts.size(); d++) {
                for (int segment = 0; segment < perYear; segment++) {
                    evaluated.add(new Slot(r, d, config.historyYears(), segment));
                }
            }
        }
        int scored = config.scoredOutbreaks(streams.size());
        shuffle(evaluated, placement);
        List<Slot> chosen = new ArrayList<>(evaluated.subList(0, scored));
        chosen.sort(Comparator.comparingInt(Slot::replicate).thenComparingInt(Slot::district)
                .thenComparingInt(Slot::segment));
        List<Double> ks = balanced(config.sizeMultipliers(), scored, placement);
        List<Integer> singleStreams = balanced(indices(streams.size()), scored, placement);

        List<Outbreak> outbreaks = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Slot slot = chosen.get(i);
            outbreaks.add(inject(run, outbreaks.size(), slot, ks.get(i), singleStreams.get(i), true, placement,
                    counts));
        }
        List<Double> sizes = config.sizeMultipliers();
        for (int r = 0; r < replicates; r++) {
            for (int d = 0; d < districts.size(); d++) {
                for (int year = 0; year < config.historyYears(); year++) {
                    for (int segment = 0; segment < perYear; segment++) {
                        double k = sizes.get(placement.nextInt(sizes.size()));
                        int stream = placement.nextInt(streams.size());
                        outbreaks.add(inject(run, outbreaks.size(), new Slot(r, d, year, segment), k, stream, false,
                                placement, counts));
                    }
                }
            }
        }
        return outbreaks;
    }

    private Outbreak inject(long run, int id, Slot slot, double k, int singleStream, boolean scored,
                            RandomNumbers placement, long[][][][] counts) {
        int segmentStart = slot.year() * StreamProfile.DAYS_PER_YEAR + slot.segment() * segmentLength();
        int start = segmentStart + placement.nextInt(segmentLength() - reservedDays());
        List<StreamOutbreak> appearances = new ArrayList<>();
        for (int s = 0; s < streams.size(); s++) {
            if (config.mode() == OutbreakMode.SINGLE_STREAM && s != singleStream) {
                continue;
            }
            RandomNumbers random = RandomNumbers.of(config.seed(), run, INJECTION, id, s);
            appearances.add(injectInStream(random, slot, s, start, k, counts[slot.replicate()][slot.district()][s]));
        }
        return new Outbreak(id, slot.replicate(), slot.district(), k, start, scored, appearances);
    }

    private StreamOutbreak injectInStream(RandomNumbers random, Slot slot, int stream, int start, double k,
                                          long[] series) {
        StreamProfile profile = streams.get(stream);
        int onset = start + profile.onsetLagDays();
        double weeklyVariance = 0;
        for (int day = onset; day < onset + 7; day++) {
            weeklyVariance += profile.baseline().dispersion() * mean(slot.district(), stream, day);
        }
        double expectedCases = k * profile.sizeFactor() * Math.sqrt(weeklyVariance);
        long cases = random.poisson(expectedCases);
        for (int attempt = 0; cases < MIN_CASES && attempt < 1000; attempt++) {
            cases = random.poisson(expectedCases);
        }
        cases = Math.max(cases, MIN_CASES);
        ContinuousDistribution.Sampler onsetProfile = random.logNormal(ONSET_MEANLOG, ONSET_SDLOG);
        int last = onset;
        for (long c = 0; c < cases; c++) {
            double units;
            do {
                units = onsetProfile.sample();
            } while (units >= ONSET_MAX_UNITS);
            int day = onset + (int) Math.floor(config.onsetUnitDays() * units);
            series[day]++;
            last = Math.max(last, day);
        }
        return new StreamOutbreak(stream, onset, last, (int) cases);
    }

    private int segmentLength() {
        return StreamProfile.DAYS_PER_YEAR / config.outbreaksPerDistrictYear();
    }

    /** Days an outbreak may span from its start: the longest lag plus the longest onset profile. */
    private int reservedDays() {
        int maxLag = streams.stream().mapToInt(StreamProfile::onsetLagDays).max().orElse(0);
        return maxLag + (int) Math.ceil(config.onsetUnitDays() * ONSET_MAX_UNITS);
    }

    /** {@code size} values with every one of {@code values} equally often (up to one), in random order. */
    private static <T> List<T> balanced(List<T> values, int size, RandomNumbers random) {
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(values.get(i % values.size()));
        }
        shuffle(list, random);
        return list;
    }

    private static List<Integer> indices(int size) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            list.add(i);
        }
        return list;
    }

    /** Fisher–Yates. */
    private static <T> void shuffle(List<T> list, RandomNumbers random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }
}
