package org.foodrisk.api;

import org.foodrisk.query.DailyCountsReader;
import org.foodrisk.query.DayCountEntry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.runtime.ServiceZone;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.time.DateTimeException;
import java.util.Optional;

/**
 * GET /api/v1/daily-counts — the daily series the count detectors watch, for charts and for
 * analysts checking an alert: {@code type} (sampling | illness | complaint | opinion), {@code district}
 * (code), optional {@code category}, {@code from}/{@code to} (ISO dates, event days in the service's
 * zone; default the last 8 weeks up to today, at most {@value #MAX_DAYS} days).
 */
@Controller("/api/v1/daily-counts")
public class DailyCountsController {

    static final int MAX_DAYS = 400;

    private final DailyCountsReader reader;
    private final ServiceZone zone;

    public DailyCountsController(DailyCountsReader reader, ServiceZone zone) {
        this.reader = reader;
        this.zone = zone;
    }

    @Get
    public HttpResponse<Map<String, Object>> days(@QueryValue String type, @QueryValue String district,
                                                  @Nullable @QueryValue String category, @Nullable @QueryValue String from,
                                                  @Nullable @QueryValue String to, @Nullable @QueryValue Boolean local) {
        if (Arrays.stream(SignalType.values()).noneMatch(t -> t.wireName().equals(type))) {
            return badRequest("type must be one of sampling, illness, complaint, opinion");
        }
        LocalDate last;
        LocalDate first;
        try {
            last = to == null ? zone.today() : LocalDate.parse(to);
            first = from == null ? last.minusDays(55) : LocalDate.parse(from);
        } catch (DateTimeException e) { // unparsable, or to=-999999999-01-01 (minusDays overflows)
            return badRequest("from and to are ISO dates (yyyy-MM-dd) from " + RequestedValues.FIRST_YEAR + " to "
                    + RequestedValues.LAST_YEAR);
        }
        Optional<String> invalid = RequestedValues.first(RequestedValues.outOfRange("from", first),
                RequestedValues.outOfRange("to", last), RequestedValues.notAKeyPart("district", district),
                RequestedValues.notAKeyPart("category", category));
        if (invalid.isPresent()) {
            return badRequest(invalid.get());
        }
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            return badRequest("from must not be after to, and the range at most " + MAX_DAYS + " days");
        }
        List<DayCountEntry> days = Boolean.TRUE.equals(local)
                ? reader.localDays(type, district, category, first, last)
                : reader.days(type, district, category, first, last);
        return HttpResponse.ok(Map.of("type", type, "district", district, "from", first, "to", last, "days", days));
    }

    private static HttpResponse<Map<String, Object>> badRequest(String reason) {
        return HttpResponse.badRequest(Map.of("error", "bad-request", "reason", reason));
    }
}
