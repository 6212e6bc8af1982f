package org.foodrisk.benchmark.evaluation;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Part 2: probability of detection of each planted class, delay, what else fired; and the negative
 * control (a detection there is a false alarm).
 */
final class DetectionReport {

    private final List<PlantOutcome> outcomes;
    private final ZoneId zone;
    private final int runs;

    DetectionReport(Map<Integer, List<Plant>> plantsByRun, Map<Integer, RunResult> resultsByRun, RunResult clean,
                    ZoneId zone) {
        this.zone = zone;
        this.runs = plantsByRun.size();
        Map<String, Set<String>> cleanEvidence = new HashMap<>();
        clean.alerts().forEach(a -> cleanEvidence.computeIfAbsent(a.kind(), k -> new HashSet<>())
                .addAll(a.evidenceIds()));
        List<PlantOutcome> all = new ArrayList<>();
        plantsByRun.forEach((run, plants) -> {
            List<ObservedAlert> alerts = resultsByRun.get(run).alerts();
            plants.forEach(p -> all.add(PlantOutcome.of(p, alerts, cleanEvidence, zone)));
        });
        all.sort(Comparator.comparing((PlantOutcome o) -> o.plant().scenario()).thenComparing(o -> o.plant().trial()));
        outcomes = List.copyOf(all);
    }

    String render() {
        StringBuilder out = new StringBuilder("### 2. Detection of planted incidents\n\n");
        out.append(summary()).append('\n').append(trials());
        return out.toString();
    }

    private String summary() {
        MarkdownTable table = new MarkdownTable("class", "expected kind", "#trials", "alerted", "POD (95% CI)",
                "#median delay from first report, days (min–max)", "#median delay from first event day, days",
                "first verdict of the expected alert", "other kinds naming the plant (trials)");
        Map<ScenarioClass, List<PlantOutcome>> byClass = outcomes.stream()
                .collect(Collectors.groupingBy(o -> o.plant().scenario(), TreeMap::new, Collectors.toList()));
        byClass.forEach((scenario, list) -> {
            long alerted = list.stream().filter(PlantOutcome::detected).count();
            List<Double> delays = list.stream().map(PlantOutcome::delayFromFirstReportDays).flatMap(Optional::stream)
                    .sorted().toList();
            List<Double> fromEvent = list.stream().map(o -> o.delayFromEventDays(zone)).flatMap(Optional::stream)
                    .sorted().toList();
            String pod = scenario.negativeControl
                    ? "false alarms " + alerted + "/" + list.size()
                    : MarkdownTable.f2((double) alerted / list.size()) + " (" + wilson(alerted, list.size()) + ")";
            table.row(scenario.letter + ". " + scenario.description, String.join(" or ", new TreeSet<>(scenario.expectedKinds))
                            + (scenario.negativeControl ? " must not fire" : ""),
                    list.size(), alerted + daggers(list, scenario), pod,
                    delays.isEmpty() ? "–" : MarkdownTable.f1(median(delays)) + " (" + MarkdownTable.f1(delays.get(0)) + "–"
                            + MarkdownTable.f1(delays.get(delays.size() - 1)) + ")",
                    fromEvent.isEmpty() ? "–" : MarkdownTable.f1(median(fromEvent)),
                    firstVerdicts(list), otherKinds(list));
        });
        return "Each class planted " + outcomes.stream().filter(o -> o.plant().scenario() == ScenarioClass.values()[0]).count()
                + " times, spread over " + runs + " run(s) on the same clean background as part 1, at random districts "
                + "and days. Plants do not see each other: a district gets at most one plant of a class per run, plants "
                + "in one district are at least " + PlantSchedule.SEPARATION_DAYS + " days apart (more than any plant's "
                + "reports take to arrive and as long as the count detectors look back), and all lie after day "
                + PlantSchedule.FIRST_PLANT_DAY + " and at least " + PlantSchedule.LAST_PLANT_MARGIN_DAYS + " days before "
                + "the end. An alert counts for a plant when its evidence names a planted record and it is "
                + "about the planted district; delay = days from the arrival of the plant's first record to the "
                + "arrival that made the pipeline write the alert; † as in the table of every trial below.\n\n" + table.render();
    }

    /** " (n †)" when n of the alerted trials' expected alerts also fired on the background alone. */
    private static String daggers(List<PlantOutcome> list, ScenarioClass scenario) {
        long n = list.stream().filter(o -> o.firstExpected().isPresent()
                && o.alsoWithoutPlant().contains(o.firstExpected().get().kind())).count();
        return n == 0 ? "" : " (" + n + " †)";
    }

    private static String firstVerdicts(List<PlantOutcome> list) {
        Map<String, Long> states = list.stream().map(PlantOutcome::firstExpected).flatMap(Optional::stream)
                .collect(Collectors.groupingBy(a -> a.judgementState() == null ? "at once (no day verdict)" : a.judgementState(),
                        TreeMap::new, Collectors.counting()));
        return states.isEmpty() ? "–" : states.toString().replaceAll("[{}]", "").replace("=", " ");
    }

    private static String otherKinds(List<PlantOutcome> list) {
        Map<String, Long> kinds = list.stream().flatMap(o -> o.otherKinds().stream())
                .collect(Collectors.groupingBy(k -> k, TreeMap::new, Collectors.counting()));
        if (kinds.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        kinds.forEach((kind, n) -> {
            long background = list.stream().filter(o -> o.otherKinds().contains(kind) && o.alsoWithoutPlant().contains(kind))
                    .count();
            parts.add(kind + " " + n + (background > 0 ? " (" + background + " †)" : ""));
        });
        return String.join(", ", parts);
    }

    private String trials() {
        MarkdownTable table = new MarkdownTable("trial", "#run", "district", "first event day", "#records", "alerted",
                "#delay from first report, days", "kinds naming the plant (first verdict)",
                "if missed: other alerts of the district about days 0–10");
        for (PlantOutcome o : outcomes) {
            Plant p = o.plant();
            boolean negative = p.scenario().negativeControl;
            String nearby = o.detected() || negative ? "" : describe(o.nearby());
            String alerted = negative ? (o.detected() ? "yes: a false alarm" : "no (correct)") : o.detected() ? "yes" : "no";
            table.row(Plant.idPrefix(p.scenario(), p.trial()), runOf(o), p.district().name(), p.day(), p.records().size(),
                    alerted, o.delayFromFirstReportDays().map(MarkdownTable::f1).orElse("–"),
                    o.namingKindsWithState().isEmpty() ? "none" : String.join(", ", o.namingKindsWithState()), nearby);
        }
        return "Every trial († the version that first named the plant also added background records to the "
                + "evidence that were evidence of the same kind in the clean run: that day or window alarmed without "
                + "the plant too, and the plant's records joined an alarm the background raised):\n\n" + table.render();
    }

    private int runOf(PlantOutcome outcome) {
        // Trials go to runs in turn (PlantSchedule): trial t is in run (t - 1) % runs.
        return (outcome.plant().trial() - 1) % runs + 1;
    }

    private static String describe(Collection<ObservedAlert> alerts) {
        Map<String, Long> kinds = alerts.stream().collect(Collectors.groupingBy(ObservedAlert::alertId)).values().stream()
                .map(v -> v.get(0).kind()).collect(Collectors.groupingBy(k -> k, TreeMap::new, Collectors.counting()));
        return kinds.isEmpty() ? "none" : kinds.toString().replaceAll("[{}]", "").replace("=", " ");
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Wilson score interval at 95 %. */
    static String wilson(long successes, long n) {
        double z = 1.959964;
        double p = (double) successes / n;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
        return String.format(Locale.ROOT, "%.2f–%.2f", Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
