package org.foodrisk.api;

import org.foodrisk.query.AlertStoreReader;
import org.foodrisk.query.DailyCountsReader;
import org.foodrisk.query.AlertQuery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import org.foodrisk.plan.Plan;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.plan.PlanRouter;
import org.foodrisk.plan.PlanTask;
import org.foodrisk.plan.RoutingExplanation;
import org.foodrisk.plan.RoutingQuery;

import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertStatus;
import org.foodrisk.plan.PlanProgressCalculator;
import org.foodrisk.runtime.ServiceZone;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan catalog as the service uses it: the plans, one task, and the routing decision for a
 * risk (so an analyst can see why an alert went to whom).
 */
@Controller("/api/v1")
public class PlansController {

    private final PlanCatalog catalog;
    private final PlanRouter router;
    private final AlertStoreReader alerts;
    private final DailyCountsReader counts;
    private final ServiceZone zone;

    public PlansController(PlanCatalog catalog, PlanRouter router, AlertStoreReader alerts, DailyCountsReader counts,
                           ServiceZone zone) {
        this.catalog = catalog;
        this.router = router;
        this.alerts = alerts;
        this.counts = counts;
        this.zone = zone;
    }

    @Get("/plans")
    public List<Map<String, Object>> plans() {
        return catalog.plans().stream().map(p -> Map.<String, Object>of(
                "planId", p.planId(), "title", p.title(), "districtName", String.valueOf(p.districtName()),
                "year", p.year(), "template", p.template(), "tasks", p.tasks().size())).toList();
    }

    @Get("/plans/{planId}")
    public HttpResponse<Plan> plan(@PathVariable String planId) {
        return catalog.plan(planId).map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
    }

    /**
     * The task as the plan writes it, the open alerts it answers for, and — for its quantitative
     * sampling targets — the progress of the plan's district so far this year.
     */
    @Get("/plan-tasks/{taskId}")
    public HttpResponse<Map<String, Object>> task(@PathVariable String taskId) {
        Optional<PlanTask> task = catalog.task(taskId);
        if (task.isEmpty()) {
            return HttpResponse.notFound();
        }
        Plan plan = catalog.plan(taskId.substring(0, taskId.indexOf(':'))).orElseThrow();
        List<Alert> open = alerts.find(new AlertQuery(plan.districtCode(), null, null, null, null, null, null, null), 0,
                        Integer.MAX_VALUE).alerts().stream()
                .filter(a -> a.status() != AlertStatus.CLOSED)
                .filter(a -> a.planTasks().stream().anyMatch(t -> t.taskId().equals(taskId)))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("plan", plan.title());
        body.put("task", task.get());
        body.put("openAlerts", open);
        if (plan.districtCode() != null && !task.get().targets().isEmpty()) {
            LocalDate today = zone.today();
            Plan onlyThisTask = new Plan(plan.planId(), plan.title(), plan.docNumber(), plan.districtCode(),
                    plan.districtName(), plan.year(), plan.template(), plan.sourceFile(), List.of(task.get()));
            body.put("targetProgress", new PlanProgressCalculator().progress(onlyThisTask, plan.districtCode(), today,
                    counts.samplingTotals(plan.districtCode(), today)));
        }
        return HttpResponse.ok(body);
    }

    /**
     * Who is responsible for such a risk, and why: the chosen clauses (as an alert carries them) and the
     * best-scoring candidate clauses with their points and reasons (issue 15).
     */
    @Get("/routing")
    public RoutingExplanation route(@Nullable @QueryValue String districtCode, @Nullable @QueryValue String districtName,
                                    @QueryValue int year, @QueryValue String signalType,
                                    @Nullable @QueryValue String foodCategory, @Nullable @QueryValue String foodName,
                                    @Nullable @QueryValue String hazard, @Nullable @QueryValue String substance,
                                    @Nullable @QueryValue String stage, @Nullable @QueryValue String setting) {
        return router.explain(new RoutingQuery(districtCode, districtName, year, signalType, foodCategory, foodName,
                hazard, substance, stage, setting));
    }
}
