package org.foodrisk.benchmark.evaluation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

/**
 * What the pipeline made of one plant: the alert versions whose evidence names any of its records
 * (in the order written), and from them whether the class's expected kind fired for the planted
 * district and how long after the plant's first report it did.
 *
 * @param nearby alerts of the planted district about the plant's days (window start from its first
 *               day to 10 days later) that do not name it — what fired instead, for misses
 * @param alsoWithoutPlant kinds naming the plant whose version that first named it added background
 *               records to the evidence that were evidence of an alert of the same kind in the clean run:
 *               the same day (or window) alarmed without the plant, which then only joined its evidence.
 *               Only the evidence a version adds counts — an open alert carries the evidence of earlier
 *               alarms along, and those say nothing about the plant's day.
 */
record PlantOutcome(Plant plant, List<ObservedAlert> naming, List<ObservedAlert> nearby, Set<String> alsoWithoutPlant) {

    /**
     * @param cleanEvidence per kind, every record id named as evidence in the clean run (same background,
     *                      no plants). Matching on evidence, not on the alert's window, because an alert
     *                      that is already open is updated — its window widened — when another day alarms.
     */
    static PlantOutcome of(Plant plant, List<ObservedAlert> runAlerts, Map<String, Set<String>> cleanEvidence,
                           ZoneId zone) {
        Set<String> ids = plant.ids();
        List<ObservedAlert> naming = runAlerts.stream().filter(a -> a.namesAnyOf(ids)).toList();
        LocalDate from = plant.day();
        LocalDate to = plant.day().plusDays(10);
        List<ObservedAlert> nearby = runAlerts.stream()
                .filter(a -> !a.namesAnyOf(ids) && plant.district().code().equals(a.districtCode()))
                .filter(a -> {
                    LocalDate day = a.windowDay(zone);
                    return day != null && !day.isBefore(from) && !day.isAfter(to);
                }).toList();
        Set<String> alsoWithoutPlant = new TreeSet<>();
        Map<String, Set<String>> earlierEvidence = new HashMap<>();
        Set<String> judged = new HashSet<>();
        for (ObservedAlert a : runAlerts) {
            Set<String> before = earlierEvidence.getOrDefault(a.alertId(), Set.of());
            earlierEvidence.put(a.alertId(), a.evidenceIds());
            if (!a.namesAnyOf(ids) || !judged.add(a.alertId())) {
                continue;
            }
            Set<String> inClean = cleanEvidence.getOrDefault(a.kind(), Set.of());
            if (a.evidenceIds().stream().anyMatch(id -> !before.contains(id) && !ids.contains(id) && inClean.contains(id))) {
                alsoWithoutPlant.add(a.kind());
            }
        }
        return new PlantOutcome(plant, naming, nearby, alsoWithoutPlant);
    }

    /** The first version of an expected kind about the planted district that names the plant. */
    Optional<ObservedAlert> firstExpected() {
        return naming.stream().filter(a -> plant.scenario().expectedKinds.contains(a.kind()))
                .filter(a -> plant.district().code().equals(a.districtCode())).findFirst();
    }

    boolean detected() {
        return firstExpected().isPresent();
    }

    /** Days from the arrival of the plant's first record to the first expected alert. */
    Optional<Double> delayFromFirstReportDays() {
        return firstExpected().map(a -> Duration.between(plant.firstArrival(), a.raisedAt()).toMinutes() / 1440.0);
    }

    /** Days from the start of the plant's first event day (sampling, onset, complaint) to the first expected alert. */
    Optional<Double> delayFromEventDays(ZoneId zone) {
        return firstExpected().map(a -> Duration.between(plant.day().atStartOfDay(zone).toInstant(), a.raisedAt())
                .toMinutes() / 1440.0);
    }

    /** Kinds naming the plant other than the expected ones (with the first verdict's state where there is one). */
    Set<String> otherKinds() {
        Set<String> out = new TreeSet<>();
        for (ObservedAlert a : naming) {
            if (!plant.scenario().expectedKinds.contains(a.kind())) {
                out.add(a.kind());
            }
        }
        return out;
    }

    /** Every kind naming the plant, each once, with the judgement state of its first version when it has one. */
    Set<String> namingKindsWithState() {
        Set<String> out = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (ObservedAlert a : naming) {
            if (seen.add(a.alertId())) {
                out.add(a.kind() + (a.judgementState() == null ? "" : " (" + a.judgementState() + ")")
                        + (alsoWithoutPlant.contains(a.kind()) ? " †" : ""));
            }
        }
        return out;
    }
}
