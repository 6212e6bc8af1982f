package org.foodrisk.benchmark.evaluation;

import java.util.List;

/**
 * What one pass of traffic through the topology gave: every alert version in the order written,
 * how many records were published, the refused ones, and how long it took.
 */
record RunResult(String label, long records, List<ObservedAlert> alerts, List<String> deadLetters, double seconds) {

    RunResult {
        alerts = List.copyOf(alerts);
        deadLetters = List.copyOf(deadLetters);
    }
}
