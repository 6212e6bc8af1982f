package org.foodrisk.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.foodrisk.kafka.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.charset.StandardCharsets;

/**
 * All loaded plans, by planId. Starts from the plans bundled with the application
 * (resources/plans/*.json, listed in plans/catalog.txt) and takes newer versions published on
 * the plan-catalog topic, so that a new year's plan can be loaded without a redeploy.
 * Thread-safe: the topology's threads read while the catalog topic's updates write.
 */
public final class PlanCatalog {

    private final Map<String, Plan> plans = new ConcurrentHashMap<>();

    public static PlanCatalog bundled() {
        PlanCatalog catalog = new PlanCatalog();
        for (String planId : bundledPlanIds()) {
            catalog.put(readBundled(planId));
        }
        return catalog;
    }

    public static List<String> bundledPlanIds() {
        try (InputStream in = PlanCatalog.class.getResourceAsStream("/plans/catalog.txt")) {
            if (in == null) {
                throw new IllegalStateException("plans/catalog.txt is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Plan readBundled(String planId) {
        try (InputStream in = PlanCatalog.class.getResourceAsStream("/plans/" + planId + ".json")) {
            if (in == null) {
                throw new IllegalStateException("plans/" + planId + ".json is missing from the classpath");
            }
            return mapper().readValue(in, Plan.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read plan " + planId, e);
        }
    }

    public static Plan parse(byte[] json) throws IOException {
        return mapper().readValue(json, Plan.class);
    }

    private static ObjectMapper mapper() {
        return Json.MAPPER;
    }

    public void put(Plan plan) {
        plans.put(plan.planId(), plan);
    }

    public Optional<Plan> plan(String planId) {
        return Optional.ofNullable(plans.get(planId));
    }

    public Collection<Plan> plans() {
        return plans.values().stream().sorted(Comparator.comparing(Plan::planId)).toList();
    }

    public Optional<PlanTask> task(String taskId) {
        int colon = taskId.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return plan(taskId.substring(0, colon))
                .flatMap(p -> p.tasks().stream().filter(t -> t.taskId().equals(taskId)).findFirst());
    }

    /**
     * The plan that governs a district in a year: its own plan for that year; else its plan of
     * the nearest year (an earlier one on a tie, since it was in force); else the county template.
     */
    public Optional<Plan> planFor(String districtCode, String districtName, int year) {
        Map<Integer, Plan> byYear = new LinkedHashMap<>();
        for (Plan plan : plans.values()) {
            if (plan.template()) {
                continue;
            }
            boolean sameDistrict = (districtCode != null && districtCode.equals(plan.districtCode()))
                    || (districtName != null && districtName.equals(plan.districtName()));
            if (sameDistrict) {
                byYear.put(plan.year(), plan);
            }
        }
        Optional<Plan> nearest = byYear.values().stream()
                .min(Comparator.comparingInt((Plan p) -> Math.abs(p.year() - year))
                        .thenComparingInt(p -> p.year() <= year ? 0 : 1));
        if (nearest.isPresent()) {
            return nearest;
        }
        return plans.values().stream().filter(Plan::template)
                .min(Comparator.comparingInt((Plan p) -> Math.abs(p.year() - year)));
    }
}
