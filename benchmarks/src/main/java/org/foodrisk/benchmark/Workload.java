package org.foodrisk.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.demo.DemoDataGenerator;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.kafka.Json;
import org.foodrisk.topics.TopicCatalogue;
import org.foodrisk.topics.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The end-to-end benchmark's input: {@link DemoDataGenerator}'s realistic day-by-day traffic of
 * the four inputs for Tianjin (its 16 districts at their plan volumes, 35 food categories, 2.73 %
 * 不合格 with the SAMR 2023 cause mix; about 63 % sampling results, 16 % complaints, 12 % illness
 * reports, 9 % opinion signals), generated lazily so that a backlog costs no heap.
 *
 * <p>Published in arrival order, as the records would come from labs, hospitals and the hotlines
 * ({@link DemoDataGenerator#arrivals}): a lab result days after its sample, so the topology meets
 * late records as it would in production. The lab results of the last days, reported after
 * {@code until}, come at the end.
 *
 * <p>For latency runs ({@link #uniqueTimes(boolean)}), each record's event time is moved within
 * its minute to a millisecond no other record of the run has: an alert record's Kafka timestamp is
 * the event time of the signal that triggered it (the topology propagates it), so the benchmark can
 * tell which produced record an alert answers.
 */
final class Workload implements Iterator<BenchRecord> {

    private static final Map<String, String> EVENT_TIME_FIELD = new HashMap<>();

    static {
        for (String topic : Topics.INPUTS) {
            EVENT_TIME_FIELD.put(topic, TopicCatalogue.spec(topic).eventTimeField());
        }
    }

    private final Iterator<DemoRecord> arrivals;
    private LocalDate lastArrivalDay;
    private boolean uniqueTimes;
    private int incidentsEvery;
    private long sequence;

    /** Traffic of the days from {@code from} (inclusive) to {@code until} (exclusive). */
    Workload(long seed, LocalDate from, LocalDate until) {
        DemoDataGenerator generator = new DemoDataGenerator(seed, DemoDataGenerator.TIANJIN);
        // The merge asks whether to plant incidents when it generates a day, so incidentsEvery set
        // later applies to the days generated from then on.
        this.arrivals = generator.arrivals(from, until, this::plantsIncidents).iterator();
        this.lastArrivalDay = from;
    }

    /** The mean number of records a day (all four topics), to size a date range. */
    static final double RECORDS_PER_DAY = 160;

    Workload uniqueTimes(boolean on) {
        this.uniqueTimes = on;
        return this;
    }

    /**
     * From now on, add the generator's planted incidents (S1–S7: a 克伦特罗 finding, a repeat
     * offender, a run of 乳制品 failures, a school-canteen illness cluster, a burst of complaints, an
     * opinion spike with a rumour, a fused risk; about 41 records) to every {@code days}-th day, so
     * that a paced run of a few thousand records triggers enough alerts to have percentiles.
     * 0 = background traffic only.
     */
    Workload incidentsEvery(int days) {
        this.incidentsEvery = days;
        return this;
    }

    /** The arrival day of the last record handed out (for reports). */
    LocalDate currentDay() {
        return lastArrivalDay;
    }

    private boolean plantsIncidents(LocalDate day) {
        return incidentsEvery > 0 && day.toEpochDay() % incidentsEvery == 0;
    }

    @Override
    public boolean hasNext() {
        return arrivals.hasNext();
    }

    @Override
    public BenchRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the workload has ended");
        }
        DemoRecord r = arrivals.next();
        lastArrivalDay = r.arrivalTime().atZone(DemoDataGenerator.TIANJIN).toLocalDate();
        if (!uniqueTimes) {
            return new BenchRecord(r.topic(), r.key(), r.json().getBytes(StandardCharsets.UTF_8),
                    r.eventTime().toEpochMilli());
        }
        return withUniqueTime(r, 1 + (sequence++ % 59_999));
    }

    private static BenchRecord withUniqueTime(DemoRecord r, long millisInMinute) {
        try {
            ObjectNode node = (ObjectNode) Json.MAPPER.readTree(r.json());
            String field = EVENT_TIME_FIELD.get(r.topic());
            OffsetDateTime original = OffsetDateTime.parse(node.get(field).asText());
            OffsetDateTime moved = original.truncatedTo(ChronoUnit.MINUTES).plus(millisInMinute, ChronoUnit.MILLIS);
            node.put(field, moved.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            return new BenchRecord(r.topic(), r.key(), Json.MAPPER.writeValueAsBytes(node),
                    moved.toInstant().toEpochMilli());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.ofHours(8)).toString();
    }
}
