package org.foodrisk.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.core.annotation.Nullable;
import org.foodrisk.reference.District;
import org.foodrisk.reference.Districts;
import org.foodrisk.reference.Period;
import org.foodrisk.summary.CitySummary;
import org.foodrisk.summary.RiskSummary;
import org.foodrisk.summary.SummaryHtml;
import io.micronaut.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import org.foodrisk.api.access.ApiErrors;


/**
 * GET /api/v1/summaries/{districtCode}/{period} — the 会商 summary of a district for a week
 * ("2024-W19") or a month ("2024-05"): JSON by default, the markdown with Accept text/markdown or
 * a ".md" suffix, a printable page with Accept text/html or ".html". {@code city} instead of a district code is
 * 天津市's summary across its 16 districts (issue 20: district ranking, cross-district risks, 环比 and 同比, alerts
 * partner regions shared), and a configured region's id that region's ({@link SummaryScopes});
 * GET /api/v1/summaries/scopes lists them.
 */
@Controller("/api/v1/summaries")
public class SummaryController {

    private static final MediaType MARKDOWN = MediaType.of("text/markdown;charset=utf-8");

    private final SummaryService summaries;
    private final SummaryScopes scopes;

    public SummaryController(SummaryService summaries, SummaryScopes scopes) {
        this.summaries = summaries;
        this.scopes = scopes;
    }

    /** The scopes above one district a summary may cover: {@code city} and the configured regions. */
    @Get("/scopes")
    public Map<String, Object> scopes() {
        return Map.of("scopes", scopes.all().stream().map(s -> Map.of("id", s.id(), "name", s.name(),
                "districts", s.districts().stream().map(District::code).toList())).toList());
    }

    // Every media type the route answers with must be declared, or the router refuses an
    // Accept: text/markdown request with 406 before this method is reached.
    @Get("/{districtCode}/{period}")
    @Produces({MediaType.APPLICATION_JSON, "text/markdown", MediaType.TEXT_HTML})
    public HttpResponse<?> summary(@PathVariable String districtCode, @PathVariable String period,
                                   @Nullable @Header("Accept") String accept) {
        String format = period.endsWith(".md") ? "md" : period.endsWith(".html") ? "html"
                : accept != null && accept.contains("text/markdown") ? "md"
                : accept != null && accept.contains("text/html") ? "html" : "json";
        String periodId = period.replaceFirst("\\.(md|html)$", "");
        Period parsed;
        try {
            parsed = Period.parseRequested(periodId);
        } catch (IllegalArgumentException e) { // our own reasons, no Java internals
            return ApiErrors.of(HttpStatus.BAD_REQUEST, "bad-request", e.getMessage());
        }
        Optional<SummaryScopes.Scope> scope = scopes.byId(districtCode);
        if (scope.isPresent()) {
            CitySummary city = summaries.city(scope.get(), parsed);
            return switch (format) {
                case "md" -> HttpResponse.ok(city.markdown()).contentType(MARKDOWN);
                case "html" -> HttpResponse.ok(SummaryHtml.render(city.scopeName() + " " + city.period(), city.markdown()))
                        .contentType(MediaType.TEXT_HTML_TYPE)
                        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
                default -> HttpResponse.ok(city);
            };
        }
        District district = Districts.byCode(districtCode).orElse(null);
        if (district == null) {
            return HttpResponse.notFound(Map.of("error", "unknown district " + districtCode));
        }
        RiskSummary summary = summaries.summary(district, parsed);
        return switch (format) {
            case "md" -> HttpResponse.ok(summary.markdown()).contentType(MARKDOWN);
            // The page is all text and inline CSS: no script, image or frame may load even if encoding
            // were ever missed (the dashboard shows it in a same-origin iframe; issue 14).
            case "html" -> HttpResponse.ok(SummaryHtml.render(summary)).contentType(MediaType.TEXT_HTML_TYPE)
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            default -> HttpResponse.ok(summary);
        };
    }
}
