package org.foodrisk.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.foodrisk.alert.Alert;
import org.foodrisk.kafka.Json;
import org.foodrisk.topology.StoreNames;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.io.IOException;

/**
 * Reads alerts from the topology's alert store (interactive queries), correct with any number of
 * instances ({@link StoreInstances}): a single alert is read from the instance that owns its key,
 * a list is gathered from every instance and merged.
 */
@Singleton
public class AlertStoreReader {

    static final Comparator<Alert> MOST_URGENT_FIRST = Comparator
            .comparing(Alert::level, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Alert::updatedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Alert::alertId);

    private final StoreInstances instances;

    public AlertStoreReader(StoreInstances instances) {
        this.instances = instances;
    }

    /** Alerts matching the query across all instances, most urgent first, one page of them. */
    public AlertPage find(AlertQuery query, int page, int size) {
        List<Alert> matching = new ArrayList<>(findLocal(query));
        for (HostInfo host : instances.others(StoreNames.ALERTS)) {
            matching.addAll(alertsIn(instances.fetch(host,
                    "/api/v1/alerts?local=true&size=" + Integer.MAX_VALUE + query.asQueryString())));
        }
        matching.sort(MOST_URGENT_FIRST);
        int from = (int) Math.min((long) page * size, matching.size());
        int to = (int) Math.min((long) from + size, matching.size());
        return new AlertPage(matching.size(), page, size, List.copyOf(matching.subList(from, to)));
    }

    /** Alerts of this instance's own partitions only. */
    public List<Alert> findLocal(AlertQuery query) {
        List<Alert> matching = new ArrayList<>();
        Predicate<Alert> matches = query.predicate();
        try (KeyValueIterator<String, Alert> all = instances.<Alert>local(StoreNames.ALERTS).all()) {
            while (all.hasNext()) {
                KeyValue<String, Alert> entry = all.next();
                if (matches.test(entry.value)) {
                    matching.add(entry.value);
                }
            }
        } catch (InvalidStateStoreException rebalancing) {
            // The store can be taken away mid-iteration by a rebalance.
            throw instances.notReady(StoreNames.ALERTS);
        }
        matching.sort(MOST_URGENT_FIRST);
        return matching;
    }

    /** One alert, from whichever instance owns it. */
    public Optional<Alert> get(String alertId) {
        Optional<HostInfo> owner = instances.remoteOwner(StoreNames.ALERTS, alertId);
        if (owner.isEmpty()) {
            return getLocal(alertId);
        }
        return alertsIn(instances.fetch(owner.get(), "/api/v1/alerts/"
                + URLEncoder.encode(alertId, StandardCharsets.UTF_8) + "?local=true")).stream().findFirst();
    }

    public Optional<Alert> getLocal(String alertId) {
        try {
            return Optional.ofNullable(instances.<Alert>local(StoreNames.ALERTS).get(alertId));
        } catch (InvalidStateStoreException rebalancing) {
            throw instances.notReady(StoreNames.ALERTS);
        }
    }

    /** A remote answer: a page of alerts ({@code {"alerts": [...]}}) or one alert. */
    private static List<Alert> alertsIn(Optional<JsonNode> body) {
        if (body.isEmpty()) {
            return List.of();
        }
        try {
            JsonNode json = body.get();
            return json.has("alerts") ? List.of(Json.MAPPER.treeToValue(json.get("alerts"), Alert[].class))
                    : List.of(Json.MAPPER.treeToValue(json, Alert.class));
        } catch (IOException e) {
            throw new HttpStatusException(HttpStatus.BAD_GATEWAY, "unreadable answer of another instance: " + e.getMessage());
        }
    }
}
