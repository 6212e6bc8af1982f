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
import org.foodrisk.alert.Alert;
import org.foodrisk.alert.AlertLifecycle;
import org.foodrisk.api.access.AccessFilter;
import org.foodrisk.api.access.ApiErrors;
import org.foodrisk.api.access.Role;
import org.foodrisk.api.access.User;
import org.foodrisk.communication.CommunicationAction;
import org.foodrisk.communication.CommunicationDrafter;
import org.foodrisk.communication.CommunicationStatus;
import org.foodrisk.communication.RiskCommunication;
import org.foodrisk.kafka.Json;
import org.foodrisk.query.AlertStoreReader;
import org.foodrisk.query.CommunicationReader;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * 消费提示 / 风险警示 over HTTP (issue 20). Nothing here publishes to the public: a draft becomes publishable only
 * when the food-safety office approves it, and the approval (who, when) is on the record.
 * <ul>
 *   <li>POST /api/v1/alerts/{alertId}/communications {@code {kind: 消费提示|风险警示}} — a draft from an alert a unit
 *       has taken up or closed ({@link CommunicationDrafter}), by a member of one of the alert's units or the office;</li>
 *   <li>GET /api/v1/communications?district=&amp;status= and GET /api/v1/communications/{id};</li>
 *   <li>POST /api/v1/communications/{id}/edit {@code {kind, title, body, advice, issuer, issueDate, note}} — the whole
 *       text, while 草稿, by a unit member of the district or the office;</li>
 *   <li>POST /api/v1/communications/{id}/approve and …/withdraw {@code {note}} — the office (区食安办 or an admin);
 *       approval never by whoever wrote the text last (checked again by the processor).</li>
 * </ul>
 */
@Controller("/api/v1")
public class CommunicationsController {

    private static final String OFFICE = "区食安办";
    private static final Set<String> KINDS = Set.of("消费提示", "风险警示");

    private final CommunicationReader reader;
    private final AlertStoreReader alerts;
    private final CommunicationActionPublisher publisher;
    private final CommunicationDrafter drafter;
    private final AlertLifecycle alertUnits = AlertLifecycle.defaults();
    private final ZoneId zone;

    public CommunicationsController(CommunicationReader reader, AlertStoreReader alerts,
                                    CommunicationActionPublisher publisher,
                                    @Value("${foodrisk.zone:Asia/Shanghai}") ZoneId zone) {
        this.reader = reader;
        this.alerts = alerts;
        this.publisher = publisher;
        this.drafter = new CommunicationDrafter(zone);
        this.zone = zone;
    }

    @Get("/communications")
    public Map<String, Object> list(@Nullable @QueryValue String district, @Nullable @QueryValue String status,
                                    @QueryValue(defaultValue = "false") boolean local) {
        RequestedValues.requireValid(RequestedValues.notAKeyPart("district", district));
        String wanted = district == null || district.isBlank() ? null : district.strip();
        List<RiskCommunication> found = local ? reader.findLocal(wanted) : reader.findAll(wanted);
        return Map.of("communications", status == null || status.isBlank() ? found
                : found.stream().filter(c -> c.status().name().equals(status.strip())).toList());
    }

    @Get("/communications/{communicationId}")
    public HttpResponse<RiskCommunication> get(@PathVariable String communicationId,
                                               @QueryValue(defaultValue = "false") boolean local) {
        return (local ? reader.getLocal(communicationId) : reader.get(communicationId)).map(HttpResponse::ok)
                .orElseGet(HttpResponse::notFound);
    }

    @Post("/alerts/{alertId}/communications")
    public HttpResponse<?> draft(HttpRequest<?> request, @PathVariable String alertId, @Body Map<String, Object> body)
            throws Exception {
        User user = AccessFilter.userOf(request).orElse(null);
        if (user == null) {
            return ApiErrors.unauthorized("sign in first", false);
        }
        Optional<Alert> alert = alerts.get(alertId);
        if (alert.isEmpty()) {
            return ApiErrors.of(HttpStatus.NOT_FOUND, "not-found", "no alert " + alertId);
        }
        String kind = body.getOrDefault("kind", "消费提示").toString();
        if (!KINDS.contains(kind)) {
            return HttpResponse.badRequest(Map.of("errors", List.of("$.kind: 消费提示 or 风险警示")));
        }
        if (user.role() != Role.ADMIN && (user.role() != Role.UNIT || !alertUnits.mayAct(alert.get(), user.unit())
                || user.district() != null && !user.district().equals(alert.get().districtCode()))) {
            return ApiErrors.forbidden("a draft is made by a unit responsible for the alert or the food-safety office");
        }
        Optional<String> refusal = CommunicationDrafter.refusal(alert.get());
        if (refusal.isPresent()) {
            return ApiErrors.of(HttpStatus.CONFLICT, "not-confirmed", refusal.get());
        }
        String id = "RC-" + (alert.get().districtCode() == null ? "city" : alert.get().districtCode()) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        CommunicationAction draft = drafter.draft(alert.get(), kind, id, LocalDate.now(zone));
        Map<String, Object> action = Json.MAPPER.convertValue(draft, Map.class);
        return publisher.accept("communicationId", id, signed(action, user));
    }

    @Post("/communications/{communicationId}/edit")
    public HttpResponse<?> edit(HttpRequest<?> request, @PathVariable String communicationId,
                                @Body Map<String, Object> body) throws Exception {
        return act(request, communicationId, CommunicationAction.EDIT, body);
    }

    @Post("/communications/{communicationId}/approve")
    public HttpResponse<?> approve(HttpRequest<?> request, @PathVariable String communicationId,
                                   @Body @Nullable Map<String, Object> body) throws Exception {
        return act(request, communicationId, CommunicationAction.APPROVE, body == null ? Map.of() : body);
    }

    @Post("/communications/{communicationId}/withdraw")
    public HttpResponse<?> withdraw(HttpRequest<?> request, @PathVariable String communicationId,
                                    @Body @Nullable Map<String, Object> body) throws Exception {
        return act(request, communicationId, CommunicationAction.WITHDRAW, body == null ? Map.of() : body);
    }

    private HttpResponse<?> act(HttpRequest<?> request, String communicationId, String what, Map<String, Object> body)
            throws Exception {
        User user = AccessFilter.userOf(request).orElse(null);
        if (user == null) {
            return ApiErrors.unauthorized("sign in first", false);
        }
        Optional<RiskCommunication> found = reader.get(communicationId);
        if (found.isEmpty()) {
            return ApiErrors.of(HttpStatus.NOT_FOUND, "not-found", "no risk communication " + communicationId);
        }
        RiskCommunication current = found.get();
        boolean office = user.speaksForTheOffice();
        if (user.district() != null && !user.district().equals(current.districtCode())) {
            return ApiErrors.forbidden("this draft is " + current.districtCode() + "'s");
        }
        if (!CommunicationAction.EDIT.equals(what) && !office) {
            return ApiErrors.forbidden(what + " is the food-safety office's (区食安办)");
        }
        if (current.status() != CommunicationStatus.草稿) {
            return ApiErrors.of(HttpStatus.CONFLICT, "not-a-draft", communicationId + " is " + current.status());
        }
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("communicationId", communicationId);
        action.put("action", what);
        if (CommunicationAction.EDIT.equals(what)) {
            for (String field : List.of("kind", "title", "body", "advice", "issuer", "issueDate")) {
                action.put(field, body.get(field));
            }
        }
        action.put("note", body.get("note"));
        return publisher.accept("communicationId", communicationId, signed(action, user));
    }

    /** By, unit and at are the server's: the signed-in user, its unit (an admin acts as the office), now. */
    private Map<String, Object> signed(Map<String, Object> action, User user) {
        Map<String, Object> signed = new LinkedHashMap<>(action);
        signed.put("by", user.name());
        signed.put("unit", user.unit() != null ? user.unit() : OFFICE);
        signed.put("at", OffsetDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS).toString());
        signed.values().removeIf(v -> v == null);
        return signed;
    }


}
