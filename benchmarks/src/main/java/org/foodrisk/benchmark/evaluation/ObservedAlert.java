package org.foodrisk.benchmark.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.foodrisk.kafka.Json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One alert version as written to foodrisk.alerts.v1, reduced to what the evaluation counts, and
 * when it became known: the arrival time of the input record whose processing wrote it (the
 * alert's own {@code updatedAt} is the driver's wall clock, which is fixed, so it cannot say).
 *
 * @param judgementState 初判, 补判, 更新, 撤回 — null for alerts not judged on a closed day or week
 * @param windowStart    the start of the period the alert is about (its event time), or null
 * @param evidenceIds    the ids of the records named as evidence: how a planted incident is recognised
 */
record ObservedAlert(String alertId, int version, String kind, String level, String districtCode,
                     String judgementState, OffsetDateTime windowStart, Set<String> evidenceIds, Instant raisedAt) {

    static ObservedAlert parse(String json, Instant raisedAt) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert that is not JSON: " + json, e);
        }
        Set<String> evidence = new LinkedHashSet<>();
        node.path("evidence").forEach(e -> evidence.add(e.path("id").asText()));
        String start = node.path("window").path("start").asText(null);
        return new ObservedAlert(node.path("alertId").asText(), node.path("version").asInt(), node.path("kind").asText(),
                node.path("level").asText(null), node.path("districtCode").asText(null),
                node.path("judgement").path("state").asText(null),
                start == null ? null : OffsetDateTime.parse(start), evidence, raisedAt);
    }

    boolean namesAnyOf(Set<String> ids) {
        for (String id : evidenceIds) {
            if (ids.contains(id)) {
                return true;
            }
        }
        return false;
    }

    /** The local day the alert is about (its window start), or null. */
    LocalDate windowDay(ZoneId zone) {
        return windowStart == null ? null : windowStart.atZoneSameInstant(zone).toLocalDate();
    }
}
