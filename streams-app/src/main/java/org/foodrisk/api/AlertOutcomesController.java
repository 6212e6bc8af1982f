package org.foodrisk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import org.foodrisk.query.AlertQuery;
import org.foodrisk.query.AlertStoreReader;
import org.foodrisk.runtime.ServiceZone;
import org.foodrisk.summary.AlertOutcomes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET /api/v1/alert-outcomes?district=&from=&to= — what the checks of the alerts raised from {@code from} to
 * {@code to} (their window's start, days in the service's zone; default the last 365 days) found, per kind and
 * detector: closed, 属实 / 不属实 / 无法核实, and the positive predictive value with its 95 % interval
 * ({@link AlertOutcomes}; issue 19).
 */
@Controller("/api/v1/alert-outcomes")
public class AlertOutcomesController {

    private final AlertStoreReader alerts;
    private final ZoneId zone;

    public AlertOutcomesController(AlertStoreReader alerts, ServiceZone zone) {
        this.alerts = alerts;
        this.zone = zone.zone();
    }

    @Get
    public Map<String, Object> outcomes(@Nullable @QueryValue String district, @Nullable @QueryValue LocalDate from,
                                        @Nullable @QueryValue LocalDate to) {
        RequestedValues.requireValid(RequestedValues.notAKeyPart("district", district));
        LocalDate last = to != null ? to : LocalDate.now(zone);
        LocalDate first = from != null ? from : last.minusDays(364);
        var found = alerts.find(new AlertQuery(district == null || district.isBlank() ? null : district.strip(), null,
                null, null, null, null, null, null), 0, Integer.MAX_VALUE).alerts().stream()
                .filter(a -> a.window() != null && a.window().start() != null)
                .filter(a -> {
                    LocalDate day = a.window().start().atZoneSameInstant(zone).toLocalDate();
                    return !day.isBefore(first) && !day.isAfter(last);
                }).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", first.toString());
        answer.put("to", last.toString());
        if (district != null && !district.isBlank()) {
            answer.put("district", district.strip());
        }
        answer.put("outcomes", AlertOutcomes.of(found));
        return answer;
    }
}
