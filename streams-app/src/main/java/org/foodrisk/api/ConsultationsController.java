package org.foodrisk.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import org.foodrisk.api.access.AccessFilter;
import org.foodrisk.api.access.ApiErrors;
import org.foodrisk.api.access.Role;
import org.foodrisk.api.access.User;
import org.foodrisk.consultation.Consultation;
import org.foodrisk.consultation.ConsultationAction;
import org.foodrisk.consultation.Decision;
import org.foodrisk.query.ConsultationReader;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * 会商 records over HTTP (issue 20):
 * <ul>
 *   <li>GET /api/v1/consultations?district= — a district's meetings, the latest first;</li>
 *   <li>GET /api/v1/consultations/{id} — one meeting with its decisions and their reports;</li>
 *   <li>POST /api/v1/consultations — record a meeting as held ({@code district, period, title, heldAt, attendees,
 *       risks, decisions}); by the food-safety office only (an admin, or a member of 区食安办 of that district);
 *       the server names it ({@code <district>-<period>-<8 hex>}) and sets {@code by}, {@code unit}, {@code at};</li>
 *   <li>POST /api/v1/consultations/{id}/progress — {@code {decisionId, state: 落实中|已落实, note}} by a member of
 *       the decision's unit (of the record's district) or the office.</li>
 * </ul>
 * Both writes answer 202 once the action is on foodrisk.consultation-actions.v1; the record's processor then
 * applies it (a new version) or dead-letters it with the reason.
 */
@Controller("/api/v1")
public class ConsultationsController {

    private static final String OFFICE = "区食安办";

    private final ConsultationReader reader;
    private final ConsultationActionPublisher publisher;
    private final ZoneId zone;

    public ConsultationsController(ConsultationReader reader, ConsultationActionPublisher publisher,
                                   @Value("${foodrisk.zone:Asia/Shanghai}") ZoneId zone) {
        this.reader = reader;
        this.publisher = publisher;
        this.zone = zone;
    }

    @Get("/consultations")
    public Map<String, Object> list(@Nullable @QueryValue String district, @QueryValue(defaultValue = "false") boolean local) {
        RequestedValues.requireValid(RequestedValues.notAKeyPart("district", district));
        String wanted = district == null || district.isBlank() ? null : district.strip();
        return Map.of("consultations", local ? reader.findLocal(wanted) : reader.findAll(wanted));
    }

    @Get("/consultations/{consultationId}")
    public HttpResponse<Consultation> get(@PathVariable String consultationId,
                                          @QueryValue(defaultValue = "false") boolean local) {
        return (local ? reader.getLocal(consultationId) : reader.get(consultationId)).map(HttpResponse::ok)
                .orElseGet(HttpResponse::notFound);
    }

    @Post("/consultations")
    public HttpResponse<?> record(HttpRequest<?> request, @Body Map<String, Object> body) throws Exception {
        User user = AccessFilter.userOf(request).orElse(null);
        if (user == null) {
            return ApiErrors.unauthorized("sign in first", false);
        }
        Object district = body.get("district");
        if (!(district instanceof String code) || code.isBlank()) {
            return HttpResponse.badRequest(Map.of("errors", List.of("$.district: the district's code is required")));
        }
        Optional<String> refusal = mayRecord(user, code.strip());
        if (refusal.isPresent()) {
            return ApiErrors.forbidden(refusal.get());
        }
        String consultationId = code.strip() + "-" + body.getOrDefault("period", "") + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> action = new LinkedHashMap<>(body);
        action.put("consultationId", consultationId);
        action.put("action", ConsultationAction.RECORD);
        action.put("by", user.name());
        action.put("unit", user.unit() != null ? user.unit() : OFFICE);
        action.put("at", OffsetDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS).toString());
        return publisher.accept("consultationId", consultationId, action);
    }

    @Post("/consultations/{consultationId}/progress")
    public HttpResponse<?> progress(HttpRequest<?> request, @PathVariable String consultationId,
                                    @Body Map<String, Object> body) throws Exception {
        User user = AccessFilter.userOf(request).orElse(null);
        if (user == null) {
            return ApiErrors.unauthorized("sign in first", false);
        }
        Optional<Consultation> found = reader.get(consultationId);
        if (found.isEmpty()) {
            return ApiErrors.of(HttpStatus.NOT_FOUND, "not-found", "no 会商 " + consultationId);
        }
        Object decisionId = body.get("decisionId");
        Optional<Decision> decision = found.get().decisions().stream()
                .filter(d -> d.decisionId().equals(decisionId)).findFirst();
        if (decision.isEmpty()) {
            return ApiErrors.of(HttpStatus.NOT_FOUND, "not-found", "会商 " + consultationId + " has no decision " + decisionId);
        }
        Optional<String> refusal = mayReport(user, found.get(), decision.get());
        if (refusal.isPresent()) {
            return ApiErrors.forbidden(refusal.get());
        }
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("consultationId", consultationId);
        action.put("action", ConsultationAction.PROGRESS);
        action.put("by", user.name());
        action.put("unit", user.role() == Role.ADMIN && user.unit() == null ? OFFICE : user.unit());
        action.put("at", OffsetDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS).toString());
        action.put("decisionId", decisionId);
        action.put("state", body.get("state"));
        action.put("note", body.get("note"));
        return publisher.accept("consultationId", consultationId, action);
    }



    /** The food-safety office records meetings: an admin, or a member of 区食安办 (of that district). */
    static Optional<String> mayRecord(User user, String district) {
        if (user.role() == Role.ADMIN) {
            return Optional.empty();
        }
        if (!user.speaksForTheOffice()) {
            return Optional.of("会商 records are kept by the food-safety office (区食安办) or an admin; "
                    + user.role().word() + (user.unit() == null ? "" : " of " + user.unit()) + " may read them");
        }
        if (user.district() != null && !user.district().equals(district)) {
            return Optional.of("a member of " + user.district() + "'s office records that district's meetings only");
        }
        return Optional.empty();
    }

    /** A decision's unit (of the record's district) or the office reports on it. */
    static Optional<String> mayReport(User user, Consultation consultation, Decision decision) {
        if (user.role() == Role.ADMIN) {
            return Optional.empty();
        }
        if (user.role() != Role.UNIT || user.unit() == null) {
            return Optional.of(user.role().word() + " may read 会商 records but not report on decisions");
        }
        if (user.district() != null && !user.district().equals(consultation.district())) {
            return Optional.of("this 会商 is " + consultation.district() + "'s; a member of " + user.district()
                    + " may not report on it");
        }
        if (!user.unit().equals(decision.unit()) && !user.speaksForTheOffice()) {
            return Optional.of("decision " + decision.decisionId() + " is " + decision.unit() + "'s; " + user.unit()
                    + " may not report on it");
        }
        return Optional.empty();
    }
}
