package org.foodrisk.benchmark.evaluation;

import org.foodrisk.reference.District;
import org.foodrisk.reference.Districts;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Where and when each trial is planted, and in which run.
 *
 * <p>Several plants share one run (one pass over the clean background) because a run of 26 weeks
 * takes one to two minutes here; a driver per trial would take hours. They are kept from seeing
 * each other:
 * <ul>
 *   <li>a district hosts at most one plant of a class per run — a second 韭菜 cluster in the same
 *       district would meet a failure rate the first one raised (the CUSUM's baseline is the past
 *       year), a second complaint burst a baseline the first one fed;</li>
 *   <li>plants in one district are at least {@link #SEPARATION_DAYS} days apart: longer than any
 *       plant's reports take to arrive (≤ 20 days with 春节) and than fusion's 7 days, and as long
 *       as the 28 days the count detectors look back, so no plant sits in another's detection
 *       window or baseline;</li>
 *   <li>plants start after the warm-up ({@link #FIRST_PLANT_DAY} days: baselines exist) and
 *       {@link #LAST_PLANT_MARGIN_DAYS} days before the end (their late reports arrive and their
 *       days are judged inside the period);</li>
 *   <li>an alert is credited to a plant only when its evidence names a planted record, so a
 *       background alert of the same kind and district is never counted as a detection.</li>
 * </ul>
 * Runs needed: {@code ceil(trials / 16)} (16 districts, one plant per class and district per run), and enough for
 * every class's plants at about three a district and run ({@link #PLANTS_PER_DISTRICT_RUN}).
 */
final class PlantSchedule {

    static final int SEPARATION_DAYS = 28;
    static final int FIRST_PLANT_DAY = 35;
    static final int LAST_PLANT_MARGIN_DAYS = 21;

    /** One planned plant; the records are made later, from the plant's own random stream. */
    record Slot(ScenarioClass scenario, int trial, int run, District district, LocalDate day) {
    }

    private PlantSchedule() {
    }

    /** Plants of different classes one district takes in one run, 28 days apart, placed at random: about three. */
    static final int PLANTS_PER_DISTRICT_RUN = 3;

    static int runsFor(int trials) {
        int districts = Districts.all().size();
        int byDistricts = (trials + districts - 1) / districts;
        int plants = trials * ScenarioClass.values().length;
        int byRoom = (plants + districts * PLANTS_PER_DISTRICT_RUN - 1) / (districts * PLANTS_PER_DISTRICT_RUN);
        return Math.max(1, Math.max(byDistricts, byRoom));
    }

    static List<Slot> plan(Period period, int trials, long seed) {
        int runs = runsFor(trials);
        List<District> districts = Districts.all();
        LocalDate first = period.start().plusDays(FIRST_PLANT_DAY);
        int span = period.days() - FIRST_PLANT_DAY - LAST_PLANT_MARGIN_DAYS;
        if (span < 7) {
            throw new IllegalArgumentException("the period is too short to plant anything: use more weeks");
        }
        SplittableRandom random = new SplittableRandom(seed * 31 + 17);
        List<Slot> slots = new ArrayList<>();
        // Trials in turn across classes, so a crowded run fails the same way for every class.
        for (int trial = 1; trial <= trials; trial++) {
            int run = (trial - 1) % runs;
            for (ScenarioClass scenario : EnumSet.allOf(ScenarioClass.class)) {
                slots.add(place(scenario, trial, run, districts, first, span, slots, random));
            }
        }
        return slots;
    }

    private static Slot place(ScenarioClass scenario, int trial, int run, List<District> districts, LocalDate first,
                              int span, List<Slot> taken, SplittableRandom random) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            District district = districts.get(random.nextInt(districts.size()));
            LocalDate day = first.plusDays(random.nextInt(span));
            if (needsWorkday(scenario)) {
                while (!Period.isWorkday(day)) {
                    day = day.plusDays(1);
                }
            }
            if (fits(scenario, run, district, day, taken)) {
                return new Slot(scenario, trial, run, district, day);
            }
        }
        throw new IllegalStateException("no room for trial " + trial + " of " + scenario
                + ": use more weeks or fewer trials");
    }

    /** Lab sampling happens on working days; complaints and illness any day. */
    private static boolean needsWorkday(ScenarioClass scenario) {
        return scenario == ScenarioClass.FOOD_HAZARD_CLUSTER || scenario == ScenarioClass.LATE_BATCH;
    }

    private static boolean fits(ScenarioClass scenario, int run, District district, LocalDate day, List<Slot> taken) {
        for (Slot other : taken) {
            if (other.run() != run || !other.district().equals(district)) {
                continue;
            }
            if (other.scenario() == scenario) {
                return false;
            }
            if (Math.abs(other.day().toEpochDay() - day.toEpochDay()) < SEPARATION_DAYS) {
                return false;
            }
        }
        return true;
    }

    /** The plants of each run, records made, keyed by run. */
    static Map<Integer, List<Plant>> build(List<Slot> slots, ZoneId zone, long seed) {
        SamplingPlants sampling = new SamplingPlants(zone);
        ComplaintPlants complaints = new ComplaintPlants(zone);
        IllnessPlants illness = new IllnessPlants(zone);
        MultiStreamPlants multiStream = new MultiStreamPlants(zone);
        Map<Integer, List<Plant>> byRun = new TreeMap<>();
        for (Slot slot : slots) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + slot.scenario().ordinal() * 1_009L + slot.trial());
            Plant plant = switch (slot.scenario()) {
                case FOOD_HAZARD_CLUSTER -> sampling.foodHazardCluster(slot.trial(), slot.district(), slot.day(), random);
                case LATE_BATCH -> sampling.lateBatch(slot.trial(), slot.district(), slot.day(), random);
                case COMPLAINT_TEXT_BURST -> complaints.textOnlyBurst(slot.trial(), slot.district(), slot.day(), random);
                case CANTEEN_CLUSTER -> illness.canteenCluster(slot.trial(), slot.district(), slot.day(), random);
                case UNRELATED_HOME_CASES -> illness.unrelatedHomeCases(slot.trial(), slot.district(), slot.day(), random);
                case MULTI_STREAM -> multiStream.leekAcrossStreams(slot.trial(), slot.district(), slot.day(), random);
            };
            byRun.computeIfAbsent(slot.run(), r -> new ArrayList<>()).add(plant);
        }
        return byRun;
    }

    static Set<ScenarioClass> classes() {
        return EnumSet.allOf(ScenarioClass.class);
    }
}
