package org.foodrisk.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.demo.ArrivalMerge;
import org.foodrisk.demo.DemoDataGenerator;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.kafka.Json;
import org.foodrisk.topics.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * One year of sampling results at national scale, built from {@link DemoDataGenerator}'s Tianjin
 * model: {@code copies} independent Tianjin-like prefectures (each with its own seed, so its own
 * businesses, and its own 16 counties), all in the same year. Each copy keeps the generator's
 * realistic mix — category mix over the 35 大类 (食用农产品 about 40 %), 2.73 % 不合格 with the SAMR
 * 2023 cause mix, weekday rhythm, programs, stages, labs — and its districts are renamed to
 * synthetic 6-digit county codes (provinces 11–65 except Tianjin's 12, so no code is one the app
 * knows; the districtName is dropped), with the sampleId rewritten to match.
 *
 * <p>Published in arrival order — by {@code reportedAt}, when the lab reported the result, days
 * after sampling — as a year of real results would have been (see {@link ArrivalMerge}); the
 * reports of the year's last days, issued in January, come at the end. The merge holds the
 * results still to be reported: about two weeks' worth.
 *
 * <p>One copy is {@value #RESULTS_PER_COPY} results a year (the generator's 2025 volume for seed
 * 42); 190 copies (3,040 counties; China has about 2,850 county-level divisions) make the national
 * 2023 volume of about 7 million.
 */
final class NationalSampling implements Iterator<BenchRecord> {

    /** Sampling results a year of one Tianjin-like copy (measured: DemoDataMain --days 365). */
    static final int RESULTS_PER_COPY = 36_883;

    private static final String[] PROVINCES = {"11", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
            "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
            "64", "65"};

    private final List<DemoDataGenerator> copies = new ArrayList<>();
    private final Map<String, Integer> countyIndex = new HashMap<>();
    private final ArrivalMerge<Reported> arrivals;

    private final double keep;
    private final SplittableRandom thinning;

    /**
     * About {@code results} sampling results in {@code year}: whole copies, or — below one copy's
     * volume, for quick trials only — one copy thinned at random.
     */
    NationalSampling(long seed, long results, int year) {
        this(seed, copiesFor(results), year, Math.min(1.0, results / (double) RESULTS_PER_COPY));
    }

    private NationalSampling(long seed, int copyCount, int year, double keep) {
        this.keep = copyCount > 1 ? 1.0 : keep;
        this.thinning = new SplittableRandom(seed);
        for (int c = 0; c < copyCount; c++) {
            copies.add(new DemoDataGenerator(seed + 1000L * c, DemoDataGenerator.TIANJIN));
        }
        LocalDate first = LocalDate.of(year, 1, 1);
        this.arrivals = new ArrivalMerge<>(first.datesUntil(first.plusYears(1)).iterator(), this::day,
                Reported::arrival, ARRIVAL_ORDER, DemoDataGenerator.TIANJIN);
    }

    /** A relocated result and when it was reported, the order it is published in. */
    private record Reported(BenchRecord record, Instant arrival) {
    }

    private static final Comparator<Reported> ARRIVAL_ORDER = Comparator.comparing(Reported::arrival)
            .thenComparing(r -> r.record().key());

    /** How many copies make about {@code results} a year. */
    static int copiesFor(long results) {
        return (int) Math.max(1, Math.round(results / (double) RESULTS_PER_COPY));
    }

    int counties() {
        return copies.size() * 16;
    }

    /** One day's sampling results of every copy, relocated (the merge calls it day by day). */
    private List<Reported> day(LocalDate date) {
        List<Reported> day = new ArrayList<>();
        for (int c = 0; c < copies.size(); c++) {
            for (DemoRecord r : copies.get(c).day(date)) {
                if (r.topic().equals(Topics.SAMPLING_RESULTS) && (keep >= 1.0 || thinning.nextDouble() < keep)) {
                    day.add(new Reported(relocate(r, c), r.arrivalTime()));
                }
            }
        }
        return day;
    }

    @Override
    public boolean hasNext() {
        return arrivals.hasNext();
    }

    @Override
    public BenchRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return arrivals.next().record();
    }

    private BenchRecord relocate(DemoRecord r, int copy) {
        try {
            ObjectNode node = (ObjectNode) Json.MAPPER.readTree(r.json());
            String id = r.key();
            // sampleId = prefix + yyyyMMdd + district code + 4-digit sequence (DemoDataGenerator)
            String tianjinCode = id.substring(id.length() - 10, id.length() - 4);
            int county = countyIndex.computeIfAbsent(tianjinCode, k -> countyIndex.size() + 1);
            String code = PROVINCES[copy % PROVINCES.length] + String.format("%02d%02d", 1 + copy / PROVINCES.length, county);
            String newId = id.substring(0, id.length() - 10) + code + id.substring(id.length() - 4);
            node.put("sampleId", newId);
            node.put("districtCode", code);
            node.remove("districtName");
            return new BenchRecord(r.topic(), newId, Json.MAPPER.writeValueAsBytes(node), r.eventTime().toEpochMilli());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
