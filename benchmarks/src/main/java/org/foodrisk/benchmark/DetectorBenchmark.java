package org.foodrisk.benchmark;

import org.foodrisk.detect.aberration.AberrationMethod;
import org.foodrisk.detect.aberration.AberrationMethods;
import org.foodrisk.detect.aberration.CountSeries;
import org.foodrisk.detect.aberration.DetectionPoint;
import org.foodrisk.detect.aberration.Frequency;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.foodrisk.detect.aberration.PointStatus;

/**
 * JMH benchmarks of the aberration detectors on realistic series lengths.
 *
 * <ul>
 *   <li>{@code perSeries}: judge every point of the series that has enough history (what the
 *       backtest and evaluation commands do);</li>
 *   <li>{@code perPoint}: judge only the last point (what the streaming app does when a day
 *       closes).</li>
 * </ul>
 * Series ({@code shape}): {@code daily-2y} = 730 daily counts of one district × category (mean
 * about 3 a day, weekly and yearly seasonality, Poisson noise, one outbreak of a week);
 * {@code weekly-5y} = 260 weekly counts (mean about 20 a week, yearly seasonality). Farrington
 * needs {@code b} years of history before a point: {@code b = 1} on the 2-year daily series,
 * {@code b = 3} on the 5-year weekly one (R's default b = 5 would leave nothing to judge); the
 * other options are R's defaults. {@link Series#judgedPoints} says how many points
 * {@code perSeries} judges, to turn its time into a time per point.
 *
 * <p>Short defaults (1 fork, 2 × 1 s warm-up, 3 × 1 s measurement); override them on the command
 * line as usual with JMH ({@code -f 3 -wi 5 -i 10}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class DetectorBenchmark {

    @Param({"ears-c1", "ears-c2", "ears-c3", "cusum", "farrington", "farrington-flexible"})
    public String method;

    @Param({"daily-2y", "weekly-5y"})
    public String shape;

    private AberrationMethod detector;
    private CountSeries series;
    private int from;
    private int last;

    @Setup(Level.Trial)
    public void setUp() {
        series = Series.of(shape);
        detector = Series.method(method, shape);
        from = Series.firstJudgeable(detector, series);
        last = series.size() - 1;
    }

    /** Every point with enough history. */
    @Benchmark
    public List<DetectionPoint> perSeries() {
        return detector.detect(series, from);
    }

    /** Only the newest point, with the whole series as history. */
    @Benchmark
    public List<DetectionPoint> perPoint() {
        return detector.detect(series, last);
    }

    /**
     * Prints how many points {@code perSeries} judges for each method and series, so that its time
     * can be read per point ({@code ./benchmark.sh jmh} prints this before running JMH).
     */
    public static void main(String[] args) {
        System.out.printf("%-20s %-10s %6s %7s%n", "method", "shape", "points", "judged");
        for (String shape : List.of("daily-2y", "weekly-5y")) {
            CountSeries s = Series.of(shape);
            for (String name : AberrationMethods.names()) {
                System.out.printf("%-20s %-10s %6d %7d%n", name, shape, s.size(),
                        Series.judgedPoints(Series.method(name, shape), s));
            }
        }
    }

    /** The benchmark series and method options. */
    static final class Series {

        private Series() {
        }

        static CountSeries of(String shape) {
            return switch (shape) {
                case "daily-2y" -> generate(Frequency.DAY, 730, 3.0, LocalDate.of(2023, 1, 1), 1);
                case "weekly-5y" -> generate(Frequency.WEEK, 260, 20.0, LocalDate.of(2019, 12, 30), 7);
                default -> throw new IllegalArgumentException("unknown shape " + shape);
            };
        }

        static AberrationMethod method(String name, String shape) {
            Frequency frequency = shape.startsWith("daily") ? Frequency.DAY : Frequency.WEEK;
            Map<String, String> options = name.startsWith("farrington")
                    ? Map.of("b", shape.startsWith("daily") ? "1" : "3") : Map.of();
            return AberrationMethods.create(name, options, frequency);
        }

        /** The first index the method judges (earlier points only serve as history). */
        static int firstJudgeable(AberrationMethod method, CountSeries series) {
            List<DetectionPoint> all = method.detect(series, 0);
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).status() != PointStatus.INSUFFICIENT_HISTORY) {
                    return i;
                }
            }
            return series.size() - 1;
        }

        static int judgedPoints(AberrationMethod method, CountSeries series) {
            return series.size() - firstJudgeable(method, series);
        }

        private static CountSeries generate(Frequency frequency, int n, double mean, LocalDate start, int stepDays) {
            SplittableRandom rnd = new SplittableRandom(20231231L + n);
            List<LocalDate> dates = new ArrayList<>(n);
            long[] counts = new long[n];
            for (int i = 0; i < n; i++) {
                LocalDate date = start.plusDays((long) i * stepDays);
                dates.add(date);
                double season = 1 + 0.4 * Math.cos(2 * Math.PI * (date.getDayOfYear() - 213) / 365.25);
                double week = frequency == Frequency.DAY
                        ? (date.getDayOfWeek().getValue() >= 6 ? 0.4 : 1.24) : 1.0;
                double lambda = mean * season * week;
                if (i >= n - 40 && i < n - 33) {
                    lambda *= 3; // one outbreak near the end
                }
                counts[i] = poisson(rnd, lambda);
            }
            return new CountSeries("bench|" + frequency, frequency, dates, counts);
        }

        private static long poisson(SplittableRandom rnd, double lambda) {
            double l = Math.exp(-lambda);
            long k = 0;
            double p = 1;
            do {
                k++;
                p *= rnd.nextDouble();
            } while (p > l);
            return k - 1;
        }
    }
}
