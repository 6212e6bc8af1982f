package org.foodrisk.benchmark.evaluation;

import org.foodrisk.demo.DemoDataGenerator;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.topology.TopologySettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.NoSuchElementException;

/**
 * One pass of the period's clean background traffic — all 16 districts, in arrival order — with
 * the given plants merged in by arrival time, through a fresh topology.
 *
 * <p>The wall clock is the end of the period plus {@link #WALL_CLOCK_AFTER_END_DAYS} days: after the
 * last lab report of the period's last days (2–10 days, more over a holiday), fixed for the run.
 */
final class TrafficRun implements Callable<RunResult> {

    static final int WALL_CLOCK_AFTER_END_DAYS = 31;

    private final String label;
    private final Period period;
    private final long seed;
    private final List<Plant> plants;
    private final TopologySettings settings;

    TrafficRun(String label, Period period, long seed, List<Plant> plants, TopologySettings settings) {
        this.settings = settings;
        this.label = label;
        this.period = period;
        this.seed = seed;
        this.plants = List.copyOf(plants);
    }

    @Override
    public RunResult call() {
        long started = System.nanoTime();
        Instant wallClock = period.end().plusDays(WALL_CLOCK_AFTER_END_DAYS).atStartOfDay(period.zone()).toInstant();
        List<DemoRecord> planted = new ArrayList<>();
        plants.forEach(p -> planted.addAll(p.records()));
        planted.sort(DemoDataGenerator.ARRIVAL_ORDER);
        Iterator<DemoRecord> background = new DemoDataGenerator(seed, period.zone())
                .arrivals(period.start(), period.end()).iterator();
        Iterator<DemoRecord> traffic = new ArrivalOrderMerge(background, planted.iterator());
        List<ObservedAlert> alerts = new ArrayList<>();
        long records = 0;
        try (TopologyUnderTest topology = new TopologyUnderTest("deployed-eval-" + label, wallClock, settings)) {
            while (traffic.hasNext()) {
                DemoRecord record = traffic.next();
                if (record.arrivalTime().isAfter(wallClock)) {
                    throw new IllegalStateException("a record arrives after the fixed wall clock: " + record.key());
                }
                alerts.addAll(topology.publish(record));
                records++;
                if (records % 10_000 == 0) {
                    System.err.printf("  [%s] %,d records, %.0f s%n", label, records, (System.nanoTime() - started) / 1e9);
                }
            }
            return new RunResult(label, records, alerts, topology.deadLetters(), (System.nanoTime() - started) / 1e9);
        }
    }

    /** Two streams each in arrival order ({@link DemoDataGenerator#ARRIVAL_ORDER}), merged into one. */
    private static final class ArrivalOrderMerge implements Iterator<DemoRecord> {
        private final Iterator<DemoRecord> left;
        private final Iterator<DemoRecord> right;
        private DemoRecord nextLeft;
        private DemoRecord nextRight;

        ArrivalOrderMerge(Iterator<DemoRecord> left, Iterator<DemoRecord> right) {
            this.left = left;
            this.right = right;
            nextLeft = left.hasNext() ? left.next() : null;
            nextRight = right.hasNext() ? right.next() : null;
        }

        @Override
        public boolean hasNext() {
            return nextLeft != null || nextRight != null;
        }

        @Override
        public DemoRecord next() {
            boolean takeLeft = nextRight == null
                    || nextLeft != null && DemoDataGenerator.ARRIVAL_ORDER.compare(nextLeft, nextRight) <= 0;
            DemoRecord out;
            if (takeLeft) {
                out = nextLeft;
                nextLeft = left.hasNext() ? left.next() : null;
            } else {
                out = nextRight;
                nextRight = right.hasNext() ? right.next() : null;
            }
            if (out == null) {
                throw new NoSuchElementException();
            }
            return out;
        }
    }
}
