package org.foodrisk.api;

import org.foodrisk.query.AlertStoreReader;
import org.foodrisk.ingest.LogSafe;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.foodrisk.alert.AlertAction;
import org.foodrisk.alert.AlertLifecycle;
import org.foodrisk.api.access.AccessFilter;
import org.foodrisk.api.access.ActionAuthority;
import org.foodrisk.api.access.ApiErrors;
import org.foodrisk.api.access.User;
import org.foodrisk.kafka.Json;
import org.foodrisk.topics.ContractValidator;
import org.foodrisk.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.util.LinkedHashMap;

/**
 * POST /api/v1/alerts/{alertId}/actions — an action for users without Kafka. The body is the
 * contract's alert-action record; alertId may be left out (the path gives it), {@code by} is the
 * signed-in user, a unit member's {@code unit} is its own unit, and {@code at} is the server's
 * clock — what the body says for {@code by} and {@code at} is replaced ({@link ActionAuthority}).
 * 401/403 when the user may not act on this alert ({@link ActionAuthority}); 400 with the schema
 * errors when it is invalid; 202 once the action is durably on the actions topic — the alert's
 * processor then accepts it (new version) or refuses it (dead letter with the reason).
 */
@Controller("/api/v1/alerts/{alertId}/actions")
public class AlertActionsController {

    private static final Logger LOG = LoggerFactory.getLogger(AlertActionsController.class);

    private final ActionPublisher publisher;
    private final ActionAuthority authority;

    public AlertActionsController(ActionPublisher publisher, AlertStoreReader alerts,
                                  @Value("${foodrisk.zone:Asia/Shanghai}") ZoneId zone) {
        this.publisher = publisher;
        this.authority = new ActionAuthority(AlertLifecycle.defaults(), alerts::get, Clock.system(zone));
    }

    @Post
    public HttpResponse<?> post(HttpRequest<?> request, @PathVariable String alertId, @Body Map<String, Object> body)
            throws Exception {
        User user = AccessFilter.userOf(request).orElse(null);
        if (user == null) {
            return ApiErrors.unauthorized("sign in first", false);
        }
        Map<String, Object> requested = new LinkedHashMap<>(body);
        Object given = requested.putIfAbsent("alertId", alertId);
        if (given != null && !alertId.equals(given)) {
            return HttpResponse.badRequest(Map.of("errors", List.of("$.alertId: " + given + " differs from the path's " + alertId)));
        }
        ActionAuthority.Verdict verdict = authority.authorize(user, alertId, requested);
        if (verdict instanceof ActionAuthority.Refused refused) {
            // The reason repeats what the body said (a unit's name): quoted, so that it cannot forge log lines.
            LOG.info("POST {} by {} refused: {}", LogSafe.quote(request.getPath()), user.name(), LogSafe.quote(refused.reason()));
            return ApiErrors.of(refused.status(), refused.error(), refused.reason());
        }
        Map<String, Object> action = ((ActionAuthority.Permitted) verdict).action();
        List<String> errors = ContractValidator.forTopic(Topics.ALERT_ACTIONS).validate(Json.MAPPER.valueToTree(action));
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(Map.of("errors", errors));
        }
        RecordMetadata written = publisher.publish(Json.MAPPER.convertValue(action, AlertAction.class));
        return HttpResponse.accepted().body(Map.of("alertId", alertId, "topic", written.topic(),
                "partition", written.partition(), "offset", written.offset()));
    }
}
