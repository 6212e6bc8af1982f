package org.foodrisk.api;

import org.foodrisk.query.AlertStoreReader;
import org.foodrisk.query.AlertQuery;
import org.foodrisk.query.AlertPage;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import org.foodrisk.alert.Alert;

import java.time.OffsetDateTime;
import java.util.List;

/** GET /api/v1/alerts and /api/v1/alerts/{alertId}: the current version of each alert. */
@Controller("/api/v1/alerts")
public class AlertsController {

    private static final int MAX_PAGE_SIZE = 500;

    private final AlertStoreReader reader;

    public AlertsController(AlertStoreReader reader) {
        this.reader = reader;
    }

    @Get
    public AlertPage list(@Nullable @QueryValue String district, @Nullable @QueryValue String category,
                          @Nullable @QueryValue String level, @Nullable @QueryValue String status,
                          @Nullable @QueryValue String kind, @Nullable @QueryValue String unit,
                          @Nullable @QueryValue OffsetDateTime from, @Nullable @QueryValue OffsetDateTime to,
                          @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size,
                          @QueryValue(defaultValue = "false") boolean local) {
        RequestedValues.requireValid(RequestedValues.first(RequestedValues.outOfRange("from", from),
                RequestedValues.outOfRange("to", to)));
        AlertQuery query = new AlertQuery(district, category, level, status, kind, unit, from, to);
        if (local) {
            // Another instance gathering a list: this instance's partitions only, unpaged.
            List<Alert> mine = reader.findLocal(query);
            return new AlertPage(mine.size(), 0, mine.size(), mine);
        }
        int boundedSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        return reader.find(query, Math.max(0, page), boundedSize);
    }

    @Get("/{alertId}")
    public HttpResponse<Alert> get(@PathVariable String alertId, @QueryValue(defaultValue = "false") boolean local) {
        return (local ? reader.getLocal(alertId) : reader.get(alertId)).map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
    }
}
