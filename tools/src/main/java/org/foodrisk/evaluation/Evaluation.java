package org.foodrisk.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.foodrisk.detect.aberration.AberrationMethod;
import org.foodrisk.detect.aberration.AberrationMethods;
import org.foodrisk.detect.aberration.CountSeries;
import org.foodrisk.detect.aberration.DetectionPoint;
import org.foodrisk.detect.aberration.Frequency;
import org.foodrisk.detect.aberration.PointStatus;
import org.foodrisk.detect.aberration.PooledNegativeBinomialRun;

/**
 * Runs detectors over a simulated run with outbreaks and an independent outbreak-free run, and
 * scores them.
 *
 * <ul>
 *   <li>A per-stream detector judges every day (or week) of the evaluated year of each replicate ×
 *       district × stream, with all the simulated history before it ({@code detect(series, from)}).</li>
 *   <li>An outbreak is detected in a stream when any alarm of that series falls in its period there
 *       (onset in the stream to last case; a weekly alarm covers its week). Delay: days from the
 *       outbreak's start (first illness onset) to the day the first such alarm is known (the day itself,
 *       or the Sunday closing the alarmed week).</li>
 *   <li>False alarm: an alarm, in the run with outbreaks, outside every outbreak period of its series.</li>
 *   <li>Points a method leaves {@link PointStatus#INSUFFICIENT_HISTORY} are never alarms here.</li>
 *   <li>Fusion (the benchmark's model of {@code org.foodrisk.detect.FusionRule}): a district alarms on
 *       day t when at least {@value DetectorSpec#FUSION_MIN_STREAMS} streams' {@value DetectorSpec#FUSION_METHOD}
 *       alarmed within the {@value DetectorSpec#FUSION_WINDOW_DAYS} days ending at t. Its outbreak period
 *       spans the outbreak in all streams.</li>
 * </ul>
 * A method that the registry does not know, or that fails, is reported as not available; the others
 * still run.
 */
public final class Evaluation {

    private final SimulatedData withOutbreaks;
    private final SimulatedData outbreakFree;
    /** Days judged and scored: {@code [evaluationStart, judgedUntil)}. */
    private final int judgedUntil;
    /** Whether each judged district's series starts on the evaluated year's first day ({@link #asNewDistricts}). */
    private final boolean newDistricts;

    public Evaluation(SimulatedData withOutbreaks, SimulatedData outbreakFree) {
        this(withOutbreaks, outbreakFree, withOutbreaks.days(), false);
    }

    private Evaluation(SimulatedData withOutbreaks, SimulatedData outbreakFree, int judgedUntil,
                       boolean newDistricts) {
        if (withOutbreaks.replicates() != outbreakFree.replicates() || withOutbreaks.days() != outbreakFree.days()
                || withOutbreaks.districts().size() != outbreakFree.districts().size()
                || withOutbreaks.streams().size() != outbreakFree.streams().size()) {
            throw new IllegalArgumentException("the two runs must have the same shape");
        }
        this.withOutbreaks = withOutbreaks;
        this.outbreakFree = outbreakFree;
        this.judgedUntil = judgedUntil;
        this.newDistricts = newDistricts;
    }

    /**
     * The same runs judged as if every district had joined on the evaluated year's first day, over its first
     * {@code weeks} weeks only: a per-district method sees the district's series from that day on (no history at
     * all); the pooled model sees the judged district from that day on beside the other districts' whole history
     * (one pooled run per judged district: a district joining a city whose other districts have reported for years).
     * Outbreaks are scored when they begin in those weeks, false alarms counted in them.
     */
    public Evaluation asNewDistricts(int weeks) {
        if (weeks < 1 || withOutbreaks.evaluationStart() + 7 * weeks > withOutbreaks.days()) {
            throw new IllegalArgumentException("a new district's first weeks: 1 to "
                    + withOutbreaks.evaluatedDays() / 7 + " weeks");
        }
        return new Evaluation(withOutbreaks, outbreakFree, withOutbreaks.evaluationStart() + 7 * weeks, true);
    }

    public boolean newDistricts() {
        return newDistricts;
    }

    /** Weeks judged of each district-year: the evaluated year's, or a new district's first weeks. */
    public int judgedWeeks() {
        return (judgedUntil - withOutbreaks.evaluationStart()) / 7;
    }

    /** District-weeks judged over all replicates: the denominator of every rate per week. */
    public double districtWeeks() {
        return withOutbreaks.districts().size() * (double) withOutbreaks.replicates() * judgedWeeks();
    }

    /** The first day of a judged series: day 0, or the evaluated year's first day for a new district. */
    private int seriesStart() {
        return newDistricts ? withOutbreaks.evaluationStart() : 0;
    }

    /** Simulates both runs of {@code config} (default streams) and returns their evaluation. */
    public static Evaluation simulate(SimulationConfig config) {
        OutbreakSimulator simulator = new OutbreakSimulator(config);
        return new Evaluation(simulator.simulate(1, true), simulator.simulate(2, false));
    }

    public SimulatedData withOutbreaks() {
        return withOutbreaks;
    }

    public SimulatedData outbreakFree() {
        return outbreakFree;
    }

    public List<DetectorResult> evaluate(List<DetectorSpec> specs) {
        return specs.stream().map(this::evaluate).toList();
    }

    public DetectorResult evaluate(DetectorSpec spec) {
        double districtWeeks = districtWeeks();
        try {
            return spec.isFusion() ? evaluateFusion(spec)
                    : spec.isPooled() ? evaluatePooled(spec) : evaluatePerStream(spec);
        } catch (RuntimeException | LinkageError e) {
            // a method missing from the registry, a stub, or a failure: report it, run the others
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause(); // parallel streams wrap what a task threw
            }
            return DetectorResult.unavailable(spec, "not available (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")", districtWeeks);
        }
    }

    // ---- per-stream detectors -------------------------------------------------------------------

    private DetectorResult evaluatePerStream(DetectorSpec spec) {
        AberrationMethods.create(spec.method(), spec.options(), spec.frequency()); // unknown method: fail early
        int from = withOutbreaks.evaluationStart();
        List<int[]> units = new ArrayList<>();
        for (int r = 0; r < withOutbreaks.replicates(); r++) {
            for (int d = 0; d < withOutbreaks.districts().size(); d++) {
                for (int s = 0; s < withOutbreaks.streams().size(); s++) {
                    units.add(new int[]{r, d, s});
                }
            }
        }
        List<UnitScore> scores = parallel(units, unit -> {
            // one instance per task: the methods are not promised to be thread-safe
            AberrationMethod method = AberrationMethods.create(spec.method(), spec.options(), spec.frequency());
            boolean byStatistic = spec.method().startsWith("ears-");
            AlarmTrack run = track(method, countsFrom(withOutbreaks, unit[0], unit[1], unit[2], seriesStart()),
                    spec.frequency(), seriesStart(), from, byStatistic);
            AlarmTrack free = track(method, countsFrom(outbreakFree, unit[0], unit[1], unit[2], seriesStart()),
                    spec.frequency(), seriesStart(), from, byStatistic);
            return score(withOutbreaks.streams().get(unit[2]).name(), run, free, windows(unit[0], unit[1], unit[2]));
        });
        return assemble(spec, scores);
    }

    /** The periods of one series in which its scored outbreaks are to be found (each outbreak's days in the stream). */
    private List<Window> windows(int replicate, int district, int stream) {
        List<Window> windows = new ArrayList<>();
        for (Outbreak outbreak : withOutbreaks.scoredOutbreaks(replicate, district)) {
            outbreak.in(stream).filter(a -> a.firstDay() < judgedUntil).ifPresent(a -> windows.add(
                    new Window(outbreak, a.firstDay(), Math.min(a.lastDay(), judgedUntil - 1))));
        }
        return windows;
    }

    /** The daily counts of one series from day {@code from} to the last judged day. */
    private long[] countsFrom(SimulatedData data, int replicate, int district, int stream, int from) {
        return Arrays.copyOfRange(data.counts(replicate, district, stream), from, judgedUntil);
    }

    /**
     * What {@code method} says about the judged days of one series whose counts begin on day {@code firstDay}:
     * daily, or on the Monday-to-Sunday sums (the simulation starts on a Monday and its years are whole weeks).
     */
    private AlarmTrack track(AberrationMethod method, long[] daily, Frequency frequency, int firstDay, int fromDay,
                             boolean byStatistic) {
        boolean weekly = frequency == Frequency.WEEK;
        int width = weekly ? 7 : 1;
        long[] counts = weekly ? weeklySums(daily) : daily;
        List<LocalDate> dates = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            dates.add(withOutbreaks.date(firstDay + i * width));
        }
        int from = (fromDay - firstDay) / width;
        List<DetectionPoint> points = method.detect(new CountSeries("simulated", frequency, dates, counts), from);
        if (points.size() != counts.length - from) {
            throw new IllegalStateException(method.name() + " returned " + points.size() + " points for "
                    + (counts.length - from) + " periods");
        }
        List<AlarmTrack.Alarm> alarms = new ArrayList<>();
        List<MatchedFalseAlarms.Scored> scored = new ArrayList<>();
        int evaluated = 0;
        int insufficient = 0;
        for (int i = 0; i < points.size(); i++) {
            DetectionPoint point = points.get(i);
            if (point.status() != PointStatus.EVALUATED) {
                insufficient++; // never an alarm, whatever the method says
                continue;
            }
            evaluated++;
            int first = firstDay + (from + i) * width;
            if (point.alarm()) {
                alarms.add(new AlarmTrack.Alarm(first, first + width - 1, first + width - 1));
            }
            addEvidence(scored, first, first + width - 1, evidence(point, byStatistic));
        }
        return new AlarmTrack(alarms, evaluated, insufficient, scored);
    }

    /** A judged period's evidence, kept when it has one (NaN: no threshold makes it alarm). */
    private static void addEvidence(List<MatchedFalseAlarms.Scored> scored, int firstDay, int lastDay, double evidence) {
        if (!Double.isNaN(evidence)) {
            scored.add(new MatchedFalseAlarms.Scored(firstDay, lastDay, evidence));
        }
    }

    /**
     * How strongly a point speaks for an alarm, lower first ({@link MatchedFalseAlarms}): its p-value, or minus its
     * statistic for EARS; NaN where no threshold makes it alarm (no upper bound: the 5-in-4 rule; a zero count where
     * the method needs one).
     */
    private static double evidence(DetectionPoint point, boolean byStatistic) {
        if (Double.isNaN(point.threshold())) {
            return Double.NaN;
        }
        if (!Double.isNaN(point.pValue())) {
            return point.observed() == 0 ? Double.NaN : point.pValue();
        }
        return byStatistic && !Double.isNaN(point.statistic()) ? -point.statistic() : Double.NaN;
    }

    static long[] weeklySums(long[] daily) {
        long[] weekly = new long[daily.length / 7];
        for (int day = 0; day < weekly.length * 7; day++) {
            weekly[day / 7] += daily[day];
        }
        return weekly;
    }

    // ---- the pooled model ------------------------------------------------------------------------

    /**
     * The pooled negative-binomial model ({@link PooledNegativeBinomialRun}): one model per replicate and stream over
     * all its districts, each district-period judged by its tail probability; scored per district and stream as the
     * per-stream detectors are. The simulation has no holidays. For new districts, one run per judged district, the
     * others with their whole history.
     */
    private DetectorResult evaluatePooled(DetectorSpec spec) {
        PooledNegativeBinomialRun.Options options = spec.pooledOptions();
        int districts = withOutbreaks.districts().size();
        List<int[]> runs = new ArrayList<>();
        for (int r = 0; r < withOutbreaks.replicates(); r++) {
            for (int s = 0; s < withOutbreaks.streams().size(); s++) {
                if (newDistricts) {
                    for (int d = 0; d < districts; d++) {
                        runs.add(new int[]{r, s, d});
                    }
                } else {
                    runs.add(new int[]{r, s});
                }
            }
        }
        List<List<UnitScore>> scores = parallel(runs, unit -> {
            int joining = newDistricts ? unit[2] : -1;
            List<AlarmTrack> run = pooledTracks(withOutbreaks, unit[0], unit[1], spec.frequency(), options, joining);
            List<AlarmTrack> free = pooledTracks(outbreakFree, unit[0], unit[1], spec.frequency(), options, joining);
            List<UnitScore> byDistrict = new ArrayList<>();
            for (int d = 0; d < districts; d++) {
                if (joining < 0 || d == joining) {
                    byDistrict.add(score(withOutbreaks.streams().get(unit[1]).name(), run.get(d), free.get(d),
                            windows(unit[0], d, unit[1])));
                }
            }
            return byDistrict;
        });
        return assemble(spec, scores.stream().flatMap(List::stream).toList());
    }

    /**
     * What the pooled model says about the judged days of each district's series of one stream; district
     * {@code joining} (none when negative) reports from the evaluated year's first day only.
     */
    private List<AlarmTrack> pooledTracks(SimulatedData data, int replicate, int stream, Frequency frequency,
                                          PooledNegativeBinomialRun.Options options, int joining) {
        boolean weekly = frequency == Frequency.WEEK;
        int width = weekly ? 7 : 1;
        int start = data.evaluationStart();
        List<CountSeries> units = new ArrayList<>();
        for (int d = 0; d < data.districts().size(); d++) {
            int firstDay = d == joining ? start : 0;
            long[] daily = countsFrom(data, replicate, d, stream, firstDay);
            long[] counts = weekly ? weeklySums(daily) : daily;
            List<LocalDate> dates = IntStream.range(0, counts.length).mapToObj(i -> data.date(firstDay + i * width))
                    .toList();
            units.add(new CountSeries("district-" + d, frequency, dates, counts));
        }
        int periods = (judgedUntil - start) / width;
        // Each district's size (its scale of every stream's baseline) is what a new district is judged at the
        // average district's level with (new-units=city), as the service scales it by residents.
        double[] scales = data.districts().stream().mapToDouble(District::scale).toArray();
        List<List<DetectionPoint>> points = PooledNegativeBinomialRun.judge(units, scales, data.date(start), options,
                day -> false);
        List<AlarmTrack> tracks = new ArrayList<>();
        for (int d = 0; d < units.size(); d++) {
            List<AlarmTrack.Alarm> alarms = new ArrayList<>();
            List<MatchedFalseAlarms.Scored> scored = new ArrayList<>();
            for (DetectionPoint point : points.get(d)) {
                int first = (int) (point.date().toEpochDay() - data.date(0).toEpochDay());
                if (point.alarm()) {
                    alarms.add(new AlarmTrack.Alarm(first, first + width - 1, first + width - 1));
                }
                addEvidence(scored, first, first + width - 1, evidence(point, false));
            }
            int judged = points.get(d).size();
            tracks.add(new AlarmTrack(alarms, judged, periods - judged, scored));
        }
        return tracks;
    }

    // ---- fusion ----------------------------------------------------------------------------------

    private DetectorResult evaluateFusion(DetectorSpec spec) {
        AberrationMethods.create(DetectorSpec.FUSION_METHOD, Map.of(), Frequency.DAY);
        List<int[]> units = new ArrayList<>();
        for (int r = 0; r < withOutbreaks.replicates(); r++) {
            for (int d = 0; d < withOutbreaks.districts().size(); d++) {
                units.add(new int[]{r, d});
            }
        }
        List<UnitScore> scores = parallel(units, unit -> {
            AberrationMethod method = AberrationMethods.create(DetectorSpec.FUSION_METHOD, Map.of(), Frequency.DAY);
            AlarmTrack run = fusionTrack(method, withOutbreaks, unit[0], unit[1]);
            AlarmTrack free = fusionTrack(method, outbreakFree, unit[0], unit[1]);
            List<Window> windows = withOutbreaks.scoredOutbreaks(unit[0], unit[1]).stream()
                    .map(o -> new Window(o, o.appearances().stream().mapToInt(StreamOutbreak::firstDay).min()
                            .orElse(o.startDay()), Math.min(o.lastDay(), judgedUntil - 1)))
                    .filter(w -> w.first() < judgedUntil)
                    .toList();
            return score("district (all streams)", run, free, windows);
        });
        return assemble(spec, scores);
    }

    /**
     * Fusion on one district: day t of the evaluated year alarms when at least
     * {@value DetectorSpec#FUSION_MIN_STREAMS} streams' method alarmed on a day of t−6..t. The
     * streams are judged from 6 days before the year so the first days have a full window. A day
     * counts as judged when every stream's method judged it.
     */
    private AlarmTrack fusionTrack(AberrationMethod method, SimulatedData data, int replicate, int district) {
        int window = DetectorSpec.FUSION_WINDOW_DAYS;
        int start = data.evaluationStart();
        int firstDay = seriesStart();
        int from = Math.max(firstDay, start - (window - 1));
        int streams = data.streams().size();
        boolean[][] alarmed = new boolean[streams][data.days()];
        boolean[] judged = new boolean[data.days()];
        Arrays.fill(judged, true);
        for (int s = 0; s < streams; s++) {
            long[] counts = countsFrom(data, replicate, district, s, firstDay);
            List<LocalDate> dates = IntStream.range(0, counts.length).mapToObj(i -> data.date(firstDay + i)).toList();
            List<DetectionPoint> points = method.detect(new CountSeries("simulated", Frequency.DAY, dates, counts),
                    from - firstDay);
            for (int i = 0; i < points.size(); i++) {
                DetectionPoint point = points.get(i);
                boolean evaluated = point.status() == PointStatus.EVALUATED;
                alarmed[s][from + i] = evaluated && point.alarm();
                judged[from + i] &= evaluated;
            }
        }
        List<AlarmTrack.Alarm> alarms = new ArrayList<>();
        int evaluated = 0;
        int insufficient = 0;
        for (int t = start; t < judgedUntil; t++) {
            if (!judged[t]) {
                insufficient++;
                continue;
            }
            evaluated++;
            int agreeing = 0;
            for (int s = 0; s < streams; s++) {
                for (int u = Math.max(from, t - window + 1); u <= t; u++) {
                    if (alarmed[s][u]) {
                        agreeing++;
                        break;
                    }
                }
            }
            if (agreeing >= DetectorSpec.FUSION_MIN_STREAMS) {
                alarms.add(new AlarmTrack.Alarm(t, t, t));
            }
        }
        return new AlarmTrack(alarms, evaluated, insufficient);
    }

    // ---- scoring ---------------------------------------------------------------------------------

    /** An outbreak period to be found in one series: days {@code first..last}. */
    private record Window(Outbreak outbreak, int first, int last) {
    }

    /** The tally of one series (or fusion unit), and the same split by outbreak size. */
    private record UnitScore(String stream, Tally tally, Map<Double, Tally> bySize,
                             MatchedFalseAlarms.SeriesEvidence evidence) {
    }

    private static UnitScore score(String stream, AlarmTrack run, AlarmTrack free, List<Window> windows) {
        int detected = 0;
        int byChance = 0;
        List<Integer> delays = new ArrayList<>();
        Map<Double, Tally> bySize = new TreeMap<>();
        for (Window window : windows) {
            Optional<AlarmTrack.Alarm> first = run.alarms().stream()
                    .filter(a -> a.overlaps(window.first(), window.last()))
                    .min(Comparator.comparingInt(AlarmTrack.Alarm::reportDay));
            boolean chance = free.alarms().stream().anyMatch(a -> a.overlaps(window.first(), window.last()));
            List<Integer> delay = first.map(a -> List.of(a.reportDay() - window.outbreak().startDay()))
                    .orElse(List.of());
            detected += first.isPresent() ? 1 : 0;
            byChance += chance ? 1 : 0;
            delays.addAll(delay);
            bySize.merge(window.outbreak().k(),
                    new Tally(1, first.isPresent() ? 1 : 0, chance ? 1 : 0, delay, 0, 0, 0, 0, 0), Tally::plus);
        }
        int falseAlarms = (int) run.alarms().stream()
                .filter(a -> windows.stream().noneMatch(w -> a.overlaps(w.first(), w.last())))
                .count();
        Tally tally = new Tally(windows.size(), detected, byChance, delays, falseAlarms, free.alarms().size(),
                free.episodes(), run.evaluated() + free.evaluated(), run.insufficient() + free.insufficient());
        return new UnitScore(stream, tally, bySize, new MatchedFalseAlarms.SeriesEvidence(run.scored(), free.scored(),
                windows.stream().map(w -> new int[]{w.first(), w.last()}).toList()));
    }

    private DetectorResult assemble(DetectorSpec spec, List<UnitScore> scores) {
        double districtWeeks = districtWeeks();
        Tally total = Tally.EMPTY;
        Map<String, Tally> byStream = new LinkedHashMap<>();
        Map<Double, Tally> bySize = new TreeMap<>();
        for (UnitScore score : scores) {
            total = total.plus(score.tally());
            byStream.merge(score.stream(), score.tally(), Tally::plus);
            score.bySize().forEach((k, tally) -> bySize.merge(k, tally, Tally::plus));
        }
        if (total.evaluatedPoints() == 0) {
            return DetectorResult.unavailable(spec, "no point had enough history (" + total.insufficientPoints()
                    + " points of insufficient history)", districtWeeks);
        }
        return new DetectorResult(spec, Optional.empty(), total, byStream, bySize, districtWeeks,
                MatchedFalseAlarms.compute(scores.stream().map(UnitScore::evidence).toList(), districtWeeks));
    }

    private static <T, R> List<R> parallel(List<T> items, Function<T, R> task) {
        // ordered: the results, and so the report, do not depend on scheduling
        return IntStream.range(0, items.size()).parallel().mapToObj(i -> task.apply(items.get(i))).toList();
    }
}
