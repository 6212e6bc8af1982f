package org.foodrisk.query;

import org.foodrisk.alert.Alert;

import java.time.OffsetDateTime;
import java.util.function.Predicate;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Filters of GET /api/v1/alerts. {@code unit} matches a lead or co-unit of any responsible task;
 * {@code from}/{@code to} select alerts whose event-time window overlaps the range.
 */
public record AlertQuery(String district, String category, String level, String status, String kind, String unit,
                         OffsetDateTime from, OffsetDateTime to) {

    /** Whether an alert matches: for the store's scan and for the live feed's events. */
    public Predicate<Alert> predicate() {
        return alert -> matches(district, alert.districtCode(), alert.districtName())
                && matches(category, alert.foodCategory())
                && matches(level, alert.level() == null ? null : alert.level().name(), alert.levelName())
                && matches(status, alert.status() == null ? null : alert.status().wireName(),
                        alert.status() == null ? null : alert.status().name())
                && matches(kind, alert.kind())
                && (unit == null || alert.planTasks().stream().anyMatch(t -> t.leadUnits().contains(unit)
                        || t.coUnits().contains(unit)))
                && (from == null || alert.window() == null || alert.window().end() == null
                        || !alert.window().end().isBefore(from))
                && (to == null || alert.window() == null || alert.window().start() == null
                        || !alert.window().start().isAfter(to));
    }

    /** The filters as query parameters ("&district=…"), for asking another instance. */
    String asQueryString() {
        StringBuilder query = new StringBuilder();
        append(query, "district", district);
        append(query, "category", category);
        append(query, "level", level);
        append(query, "status", status);
        append(query, "kind", kind);
        append(query, "unit", unit);
        append(query, "from", from == null ? null : from.toString());
        append(query, "to", to == null ? null : to.toString());
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append('&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static boolean matches(String wanted, String... actual) {
        if (wanted == null || wanted.isBlank()) {
            return true;
        }
        for (String value : actual) {
            if (wanted.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
