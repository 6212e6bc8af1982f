package org.foodrisk.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.foodrisk.alert.AlertAction;
import org.foodrisk.kafka.Json;
import org.foodrisk.topics.ContractValidator;
import org.foodrisk.topics.Topics;

import java.util.List;
import java.util.Map;

/**
 * POST /api/v1/alerts/{alertId}/actions — an action for users without Kafka. The body is the
 * contract's alert-action record (alertId may be left out: the path gives it). 400 with the
 * schema errors when it is invalid; 202 once the action is durably on the actions topic — the
 * alert's processor then accepts it (new version) or refuses it (dead letter with the reason).
 */
@Controller("/api/v1/alerts/{alertId}/actions")
public class AlertActionsController {

    private final ActionPublisher publisher;

    public AlertActionsController(ActionPublisher publisher) {
        this.publisher = publisher;
    }

    @Post
    public HttpResponse<Map<String, Object>> post(@PathVariable String alertId, @Body Map<String, Object> body) throws Exception {
        Map<String, Object> action = new java.util.LinkedHashMap<>(body);
        Object given = action.putIfAbsent("alertId", alertId);
        if (given != null && !alertId.equals(given)) {
            return HttpResponse.badRequest(Map.of("errors", List.of("$.alertId: " + given + " differs from the path's " + alertId)));
        }
        List<String> errors = ContractValidator.forTopic(Topics.ALERT_ACTIONS).validate(Json.MAPPER.valueToTree(action));
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(Map.of("errors", errors));
        }
        RecordMetadata written = publisher.publish(Json.MAPPER.convertValue(action, AlertAction.class));
        return HttpResponse.accepted().body(Map.of("alertId", alertId, "topic", written.topic(),
                "partition", written.partition(), "offset", written.offset()));
    }
}
