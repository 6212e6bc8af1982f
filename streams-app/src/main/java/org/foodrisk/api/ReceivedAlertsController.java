package org.foodrisk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import org.foodrisk.exchange.ReceivedAlert;
import org.foodrisk.query.ReceivedAlertReader;

import java.util.Map;

/**
 * Alerts partner regions shared with this one (京津冀 预警交流, issue 20), as received through MirrorMaker 2:
 * <ul>
 *   <li>GET /api/v1/received-alerts?origin= — the latest version of each, latest first, each marked with its origin
 *       (the partner cluster's MirrorMaker alias) and the region that sent it;</li>
 *   <li>GET /api/v1/received-alerts/{origin}/{alertId} — one of them.</li>
 * </ul>
 * New versions arrive on the live feed too ({@code GET /api/v1/alerts/stream}, event {@code received}).
 */
@Controller("/api/v1/received-alerts")
public class ReceivedAlertsController {

    private final ReceivedAlertReader reader;

    public ReceivedAlertsController(ReceivedAlertReader reader) {
        this.reader = reader;
    }

    @Get
    public Map<String, Object> list(@Nullable @QueryValue String origin, @QueryValue(defaultValue = "false") boolean local) {
        RequestedValues.requireValid(RequestedValues.notAKeyPart("origin", origin));
        String wanted = origin == null || origin.isBlank() ? null : origin.strip();
        return Map.of("receivedAlerts", local ? reader.findLocal(wanted) : reader.findAll(wanted));
    }

    @Get("/{origin}/{alertId}")
    public HttpResponse<ReceivedAlert> get(@PathVariable String origin, @PathVariable String alertId) {
        RequestedValues.requireValid(RequestedValues.notAKeyPart("origin", origin));
        return reader.findAll(origin).stream().filter(r -> r.alert().alertId().equals(alertId)).findFirst()
                .map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
    }
}
