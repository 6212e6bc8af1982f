package org.foodrisk.benchmark.evaluation;

import org.foodrisk.demo.DemoRecord;
import org.foodrisk.reference.District;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One planted incident: its class, where and when (the first event day), and its records, each with
 * its arrival time. {@code trial} numbers the plants of one class from 1.
 */
record Plant(ScenarioClass scenario, int trial, District district, LocalDate day, List<DemoRecord> records) {

    Plant {
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a plant without records");
        }
    }

    Set<String> ids() {
        return records.stream().map(DemoRecord::key).collect(Collectors.toUnmodifiableSet());
    }

    /** When the first of its records arrives: the earliest the service could know anything. */
    Instant firstArrival() {
        return records.stream().map(DemoRecord::arrivalTime).min(Comparator.naturalOrder()).orElseThrow();
    }

    Instant lastArrival() {
        return records.stream().map(DemoRecord::arrivalTime).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** A short id prefix that is unique across plants and says what the record is, e.g. EVAL-a07. */
    static String idPrefix(ScenarioClass scenario, int trial) {
        return String.format("EVAL-%s%02d", scenario.letter, trial);
    }
}
