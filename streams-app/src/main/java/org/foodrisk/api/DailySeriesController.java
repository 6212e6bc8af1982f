package org.foodrisk.api;

import org.foodrisk.query.DailySeriesReader;
import org.foodrisk.query.DailySeries;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import org.foodrisk.runtime.ServiceZone;

import java.time.LocalDate;
import java.util.Map;
import io.micronaut.http.HttpStatus;
import java.util.Optional;
import java.util.function.BiFunction;
import org.foodrisk.api.access.ApiErrors;

/**
 * GET /api/v1/daily-counts/{districtCode}/{category}?from=&to= — the daily counts of a district ×
 * food category (category "?" = not named) with the count detector's threshold of each day, for
 * the chart of an alert; GET /api/v1/daily-counts/{districtCode}/syndromes/{syndrome} — the
 * illness cases of a district × syndrome (胃肠道, 神经系统 …), the series a per-syndrome
 * aberration was judged on. Default: the last 60 days to today (in foodrisk.zone); at most 366 days.
 */
@Controller("/api/v1/daily-counts")
public class DailySeriesController {

    private final DailySeriesReader reader;
    private final ServiceZone zone;

    public DailySeriesController(DailySeriesReader reader, ServiceZone zone) {
        this.reader = reader;
        this.zone = zone;
    }

    @Get("/{districtCode}/{category}")
    public HttpResponse<?> series(@PathVariable String districtCode, @PathVariable String category,
                                  @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                                  @QueryValue(defaultValue = "false") boolean local) {
        return answer(from, to, RequestedValues.first(RequestedValues.notAKeyPart("district", districtCode),
                RequestedValues.notAKeyPart("category", category)), (start, end) -> local ? reader.seriesLocal(districtCode, category, start, end)
                : reader.series(districtCode, category, start, end));
    }

    @Get("/{districtCode}/syndromes/{syndrome}")
    public HttpResponse<?> syndromeSeries(@PathVariable String districtCode, @PathVariable String syndrome,
                                          @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                                          @QueryValue(defaultValue = "false") boolean local) {
        return answer(from, to, RequestedValues.first(RequestedValues.notAKeyPart("district", districtCode),
                RequestedValues.notAKeyPart("syndrome", syndrome)), (start, end) -> local ? reader.syndromeSeriesLocal(districtCode, syndrome, start, end)
                : reader.syndromeSeries(districtCode, syndrome, start, end));
    }

    private HttpResponse<?> answer(@Nullable LocalDate from, @Nullable LocalDate to, Optional<String> invalidKey,
                                   BiFunction<LocalDate, LocalDate, DailySeries> read) {
        Optional<String> invalid = RequestedValues.first(invalidKey, RequestedValues.outOfRange("from", from),
                RequestedValues.outOfRange("to", to));
        if (invalid.isPresent()) {
            return ApiErrors.of(HttpStatus.BAD_REQUEST, "bad-request", invalid.get());
        }
        LocalDate end = to != null ? to : zone.today();
        LocalDate start = from != null ? from : end.minusDays(59);
        if (start.isAfter(end) || end.toEpochDay() - start.toEpochDay() >= DailySeriesReader.MAX_DAYS) {
            return HttpResponse.badRequest(Map.of("error", "from must not be after to, and at most "
                    + DailySeriesReader.MAX_DAYS + " days apart"));
        }
        return HttpResponse.ok(read.apply(start, end));
    }
}
