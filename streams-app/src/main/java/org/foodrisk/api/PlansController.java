package org.foodrisk.api;

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
import org.foodrisk.plan.PlanTaskRef;
import org.foodrisk.plan.RoutingQuery;

import java.util.List;
import java.util.Map;

/**
 * The plan catalog as the service uses it: the plans, one task, and the routing decision for a
 * risk (so an analyst can see why an alert went to whom).
 */
@Controller("/api/v1")
public class PlansController {

    private final PlanCatalog catalog;
    private final PlanRouter router;

    public PlansController(PlanCatalog catalog, PlanRouter router) {
        this.catalog = catalog;
        this.router = router;
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

    @Get("/plan-tasks/{taskId}")
    public HttpResponse<PlanTask> task(@PathVariable String taskId) {
        return catalog.task(taskId).map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
    }

    @Get("/routing")
    public List<PlanTaskRef> route(@Nullable @QueryValue String districtCode, @Nullable @QueryValue String districtName,
                                   @QueryValue int year, @QueryValue String signalType,
                                   @Nullable @QueryValue String foodCategory, @Nullable @QueryValue String foodName,
                                   @Nullable @QueryValue String hazard, @Nullable @QueryValue String substance,
                                   @Nullable @QueryValue String stage) {
        return router.route(new RoutingQuery(districtCode, districtName, year, signalType, foodCategory, foodName,
                hazard, substance, stage));
    }
}
