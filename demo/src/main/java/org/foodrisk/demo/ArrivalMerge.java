package org.foodrisk.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Day-by-day generated traffic, handed out in arrival order with a streaming merge.
 *
 * <p>Days are generated one at a time, in ascending order. Nothing generated for day d arrives
 * before d starts (a record arrives at or after its event time, and its event time lies in its
 * day), so once day d is generated every pending record arriving before the start of the next day
 * still to generate is final and can be released; the rest waits. Only the records still on their
 * way — lab reports of the last two weeks or so — are held, never the whole range. When the days
 * run out, everything pending is released, in arrival order.
 *
 * <p>Public for the benchmarks, which merge several generators' output (or records derived from
 * it) the same way.
 *
 * @param <T> the record type: a {@link DemoRecord}, or anything that keeps its arrival time
 */
public final class ArrivalMerge<T> implements Iterator<T> {

    private final Iterator<LocalDate> days;
    private final Function<LocalDate, ? extends Collection<? extends T>> generate;
    private final Function<? super T, Instant> arrival;
    private final ZoneId zone;
    private final PriorityQueue<T> pending;
    /** The start of the day after the last one generated: no record generated from now on arrives earlier. */
    private Instant horizon = Instant.MIN;
    private LocalDate lastDay;

    /**
     * @param days     the days to generate, ascending (may be unbounded)
     * @param generate one day's records, every arrival at or after the start of that day in {@code zone}
     * @param arrival  when a record arrives
     * @param order    arrival order: must order by {@code arrival} first; the rest breaks ties
     */
    public ArrivalMerge(Iterator<LocalDate> days, Function<LocalDate, ? extends Collection<? extends T>> generate,
                        Function<? super T, Instant> arrival, Comparator<? super T> order, ZoneId zone) {
        this.days = Objects.requireNonNull(days, "days");
        this.generate = Objects.requireNonNull(generate, "generate");
        this.arrival = Objects.requireNonNull(arrival, "arrival");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.pending = new PriorityQueue<>(Objects.requireNonNull(order, "order"));
    }

    @Override
    public boolean hasNext() {
        while (!releasable() && days.hasNext()) {
            generateNextDay();
        }
        return !pending.isEmpty();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more days to generate");
        }
        return pending.poll();
    }

    /**
     * The arrival time of the next record without taking it, or null when there is none. Generates
     * days ahead as far as needed to know it (for a merge that follows the clock, that is tomorrow).
     */
    public Instant peekArrival() {
        return hasNext() ? arrival.apply(pending.peek()) : null;
    }

    /** How many generated records wait to be released (for tests and memory estimates). */
    public int pendingCount() {
        return pending.size();
    }

    private boolean releasable() {
        if (pending.isEmpty()) {
            return false;
        }
        return !days.hasNext() || arrival.apply(pending.peek()).isBefore(horizon);
    }

    private void generateNextDay() {
        LocalDate day = days.next();
        if (lastDay != null && !day.isAfter(lastDay)) {
            throw new IllegalArgumentException("days must ascend: " + day + " after " + lastDay);
        }
        lastDay = day;
        Instant start = day.atStartOfDay(zone).toInstant();
        for (T record : generate.apply(day)) {
            if (arrival.apply(record).isBefore(start)) {
                throw new IllegalStateException("a record of " + day + " arrives before the day starts: " + record);
            }
            pending.add(record);
        }
        horizon = day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
