package org.foodrisk.api;

import org.foodrisk.query.AlertStoreReader;
import org.foodrisk.query.AlertQuery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertStatus;
import org.foodrisk.summary.Accountability;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;
import org.foodrisk.disposal.DisposalTargets;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.reference.Districts;

/**
 * Accountability of a responsible unit (GET /api/v1/units/{unit}/accountability) and the current
 * risk per district × category (GET /api/v1/risk-matrix), computed from the alert store.
 *
 * <p>Figures as the plans define them (西青 2021 18.: 不合格食品核查处置率 100%, 按时完成率 ≥85%):
 * 核查处置率 = closed / received, 按时完成率 = closed by the deadline / (closed + open past it). An alert counts for
 * the units that lead one of its plan tasks and for any unit that acted on it; its 签收 only for the
 * unit that signed ({@link Accountability} says who is credited with what, co-units included).
 */
@Controller("/api/v1")
public class AccountabilityController {

    private final AlertStoreReader reader;
    private final DisposalTargets targets;

    public AccountabilityController(AlertStoreReader reader, PlanCatalog catalog) {
        this.reader = reader;
        this.targets = new DisposalTargets(catalog);
    }

    @Get("/units/{unit}/accountability")
    public Map<String, Object> accountability(@PathVariable String unit, @Nullable @QueryValue String district,
                                              @Nullable @QueryValue OffsetDateTime from, @Nullable @QueryValue OffsetDateTime to) {
        RequestedValues.requireValid(RequestedValues.first(RequestedValues.outOfRange("from", from),
                RequestedValues.outOfRange("to", to)));
        List<Alert> alerts = reader.find(new AlertQuery(district, null, null, null, null, null, from, to), 0,
                Integer.MAX_VALUE).alerts();
        Accountability figures = Accountability.of(unit, alerts, OffsetDateTime.now());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unit", unit);
        body.put("received", figures.received());
        body.put("acknowledgedInTime", figures.acknowledgedInTime());
        body.put("closed", figures.closed());
        body.put("closedInTime", figures.closedInTime());
        body.put("openOverdue", figures.openOverdue());
        body.put("核查处置率", figures.handlingRate());
        body.put("按时完成率", figures.onTimeRate());
        body.put("targets", targetsOf(unit, district));
        return body;
    }

    /**
     * The 核查处置率 / 按时完成率 targets the district's own plan sets for the unit (西青 2021 18.: 100 %, 85 %);
     * none when the plan sets none or no district is asked for — 西青's figures are no other district's
     * targets (issue 15; the page printed them for every district).
     */
    private Map<String, Double> targetsOf(String unit, String district) {
        Map<String, Double> stated = new LinkedHashMap<>();
        if (district == null) {
            return stated;
        }
        Districts.byCode(district).or(() -> Districts.byName(district))
                .ifPresent(d -> targets.of(d.code(), d.name(), LocalDate.now().getYear()).stream()
                        .filter(t -> t.binds(unit)).forEach(t -> stated.putIfAbsent(t.metric(), t.value())));
        return stated;
    }

    /** Open alerts per district × category; {@code from}/{@code to} keep alerts whose window overlaps them (a week). */
    @Get("/risk-matrix")
    public List<Map<String, Object>> riskMatrix(@Nullable @QueryValue String district,
                                                @Nullable @QueryValue OffsetDateTime from, @Nullable @QueryValue OffsetDateTime to) {
        Map<String, Map<String, Object>> cells = new LinkedHashMap<>();
        RequestedValues.requireValid(RequestedValues.first(RequestedValues.outOfRange("from", from),
                RequestedValues.outOfRange("to", to)));
        for (Alert alert : reader.find(new AlertQuery(district, null, null, null, null, null, from, to), 0,
                Integer.MAX_VALUE).alerts()) {
            if (alert.status() == AlertStatus.CLOSED) {
                continue;
            }
            String key = alert.districtCode() + "|" + alert.foodCategory();
            Map<String, Object> cell = cells.computeIfAbsent(key, k -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("districtCode", alert.districtCode());
                c.put("districtName", alert.districtName());
                c.put("foodCategory", alert.foodCategory());
                c.put("level", alert.level().name());
                c.put("levelName", alert.level().levelName());
                c.put("openAlerts", 0);
                return c;
            });
            cell.put("openAlerts", (Integer) cell.get("openAlerts") + 1);
            // Alerts come most severe first, so the first alert of a cell set its level.
        }
        return List.copyOf(cells.values());
    }
}
