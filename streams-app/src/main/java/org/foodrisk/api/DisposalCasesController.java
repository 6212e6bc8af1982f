package org.foodrisk.api;

import org.foodrisk.query.DisposalCaseReader;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import org.foodrisk.api.access.AccessFilter;
import org.foodrisk.api.access.ApiErrors;
import org.foodrisk.api.access.DisposalAuthority;
import org.foodrisk.api.access.User;
import org.foodrisk.disposal.CaseLifecycle;
import org.foodrisk.disposal.DisposalCase;
import org.foodrisk.disposal.DisposalStanding;
import org.foodrisk.disposal.DisposalTargets;
import org.foodrisk.ingest.LogSafe;
import org.foodrisk.plan.PlanCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 核查处置 cases over HTTP (issue 15), with the access rules of alerts:
 * <ul>
 *   <li>GET /api/v1/disposal-cases — filters district, unit, state (待核查/核查中/已处置), program, overdue;
 *       most pressing first, paged;</li>
 *   <li>GET /api/v1/disposal-cases/{caseId} — one case;</li>
 *   <li>POST /api/v1/disposal-cases/{caseId}/actions — {@code {action, measures, note}}; {@code by}, {@code at}
 *       and a member's {@code unit} are set by the server ({@link DisposalAuthority}); 202 once the action is on
 *       foodrisk.disposal-actions.v1 (the case's processor then applies or dead-letters it);</li>
 *   <li>GET /api/v1/disposal-rates — 核查处置率 and 按时完成率 per unit and per plan (district) as of now or
 *       {@code asOf}, with each plan's own targets.</li>
 * </ul>
 */
@Controller("/api/v1")
public class DisposalCasesController {

    private static final Logger LOG = LoggerFactory.getLogger(DisposalCasesController.class);
    private static final int MAX_PAGE_SIZE = 500;

    private final DisposalCaseReader reader;
    private final DisposalActionPublisher publisher;
    private final DisposalAuthority authority;
    private final DisposalTargets targets;
    private final Clock clock;

    public DisposalCasesController(DisposalCaseReader reader, DisposalActionPublisher publisher, PlanCatalog catalog,
                                   @Value("${foodrisk.zone:Asia/Shanghai}") ZoneId zone) {
        this.reader = reader;
        this.publisher = publisher;
        this.clock = Clock.system(zone);
        this.authority = new DisposalAuthority(CaseLifecycle.supervising(), reader::get, clock);
        this.targets = new DisposalTargets(catalog);
    }

    @Get("/disposal-cases")
    public Map<String, Object> list(@Nullable @QueryValue String district, @Nullable @QueryValue String unit,
                                    @Nullable @QueryValue String state, @Nullable @QueryValue String program,
                                    @Nullable @QueryValue Boolean overdue,
                                    @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size,
                                    @QueryValue(defaultValue = "false") boolean local) {
        DisposalCaseReader.Query query = new DisposalCaseReader.Query(blank(district), blank(unit), blank(state),
                blank(program), overdue);
        List<DisposalCase> all = local ? reader.findLocal(query) : reader.findAll(query);
        int boundedSize = local ? Math.max(1, all.size()) : Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int from = (int) Math.min((long) Math.max(0, page) * boundedSize, all.size());
        int to = (int) Math.min((long) from + boundedSize, all.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", all.size());
        body.put("page", Math.max(0, page));
        body.put("size", boundedSize);
        body.put("cases", all.subList(from, to));
        return body;
    }

    @Get("/disposal-cases/{caseId}")
    public HttpResponse<DisposalCase> get(@PathVariable String caseId, @QueryValue(defaultValue = "false") boolean local) {
        return (local ? reader.getLocal(caseId) : reader.get(caseId)).map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
    }

    @Post("/disposal-cases/{caseId}/actions")
    public HttpResponse<?> act(HttpRequest<?> request, @PathVariable String caseId, @Body Map<String, Object> body)
            throws Exception {
        User user = AccessFilter.userOf(request).orElse(null);
        if (user == null) {
            return ApiErrors.unauthorized("sign in first", false);
        }
        Map<String, Object> requested = new LinkedHashMap<>(body);
        Object given = requested.putIfAbsent("caseId", caseId);
        if (given != null && !caseId.equals(given)) {
            return HttpResponse.badRequest(Map.of("errors", List.of("$.caseId: " + given + " differs from the path's " + caseId)));
        }
        DisposalAuthority.Verdict verdict = authority.authorize(user, caseId, requested);
        if (verdict instanceof DisposalAuthority.Refused refused) {
            LOG.info("POST {} by {} refused: {}", LogSafe.quote(request.getPath()), user.name(), LogSafe.quote(refused.reason()));
            return ApiErrors.of(refused.status(), refused.error(), refused.reason());
        }
        return publisher.accept("caseId", caseId, ((DisposalAuthority.Permitted) verdict).action());
    }

    @Get("/disposal-rates")
    public DisposalStanding rates(@Nullable @QueryValue String district, @Nullable @QueryValue OffsetDateTime asOf) {
        RequestedValues.requireValid(RequestedValues.outOfRange("asOf", asOf));
        List<DisposalCase> cases = reader.findAll(new DisposalCaseReader.Query(blank(district), null, null, null, null));
        return DisposalStanding.of(cases, asOf != null ? asOf : OffsetDateTime.now(clock), targets::of);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
