package org.foodrisk.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.foodrisk.disposal.CaseState;
import org.foodrisk.disposal.DisposalCase;
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
 * Reads 核查处置 cases from the topology's case store, correct with any number of instances (as
 * {@link AlertStoreReader} reads alerts): one case from the instance that owns its key, a list gathered
 * from every instance.
 */
@Singleton
public class DisposalCaseReader {

    /** What needs doing first: overdue, then 待核查 before 核查中 before 已处置, then the nearest deadline. */
    static final Comparator<DisposalCase> MOST_PRESSING_FIRST = Comparator
            .comparing((DisposalCase c) -> !c.overdue() || c.state() == CaseState.已处置)
            .thenComparing(DisposalCase::state)
            .thenComparing(DisposalCase::dueBy, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(DisposalCase::caseId);

    /** Filters of GET /api/v1/disposal-cases; null = any. */
    public record Query(String district, String unit, String state, String program, Boolean overdue) {

        Predicate<DisposalCase> predicate() {
            return c -> (district == null || district.equals(c.districtCode()) || district.equals(c.districtName()))
                    && (unit == null || unit.equals(c.unit()))
                    && (state == null || state.equals(c.state().name()))
                    && (program == null || program.equals(c.program()))
                    && (overdue == null || overdue == c.overdue());
        }

        String asQueryString() {
            StringBuilder q = new StringBuilder();
            append(q, "district", district);
            append(q, "unit", unit);
            append(q, "state", state);
            append(q, "program", program);
            append(q, "overdue", overdue == null ? null : overdue.toString());
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    private final StoreInstances instances;

    public DisposalCaseReader(StoreInstances instances) {
        this.instances = instances;
    }

    /** Every matching case of every instance, most pressing first. */
    public List<DisposalCase> findAll(Query query) {
        List<DisposalCase> matching = new ArrayList<>(findLocal(query));
        for (HostInfo host : instances.others(StoreNames.DISPOSAL_CASES)) {
            casesIn(instances.fetch(host, "/api/v1/disposal-cases?local=true" + query.asQueryString()))
                    .forEach(matching::add);
        }
        matching.sort(MOST_PRESSING_FIRST);
        return matching;
    }

    public List<DisposalCase> findLocal(Query query) {
        List<DisposalCase> matching = new ArrayList<>();
        Predicate<DisposalCase> matches = query.predicate();
        try (KeyValueIterator<String, DisposalCase> all = instances.<DisposalCase>local(StoreNames.DISPOSAL_CASES).all()) {
            while (all.hasNext()) {
                KeyValue<String, DisposalCase> entry = all.next();
                if (matches.test(entry.value)) {
                    matching.add(entry.value);
                }
            }
        } catch (InvalidStateStoreException rebalancing) {
            throw instances.notReady(StoreNames.DISPOSAL_CASES);
        }
        matching.sort(MOST_PRESSING_FIRST);
        return matching;
    }

    public Optional<DisposalCase> get(String caseId) {
        Optional<HostInfo> owner = instances.remoteOwner(StoreNames.DISPOSAL_CASES, caseId);
        if (owner.isEmpty()) {
            return getLocal(caseId);
        }
        return casesIn(instances.fetch(owner.get(), "/api/v1/disposal-cases/"
                + URLEncoder.encode(caseId, StandardCharsets.UTF_8) + "?local=true")).stream().findFirst();
    }

    public Optional<DisposalCase> getLocal(String caseId) {
        try {
            return Optional.ofNullable(instances.<DisposalCase>local(StoreNames.DISPOSAL_CASES).get(caseId));
        } catch (InvalidStateStoreException rebalancing) {
            throw instances.notReady(StoreNames.DISPOSAL_CASES);
        }
    }

    /** A remote answer: a page ({@code {"cases": [...]}}) or one case. */
    private static List<DisposalCase> casesIn(Optional<JsonNode> body) {
        if (body.isEmpty()) {
            return List.of();
        }
        try {
            JsonNode json = body.get();
            return json.has("cases") ? List.of(Json.MAPPER.treeToValue(json.get("cases"), DisposalCase[].class))
                    : List.of(Json.MAPPER.treeToValue(json, DisposalCase.class));
        } catch (IOException e) {
            throw new HttpStatusException(HttpStatus.BAD_GATEWAY, "unreadable answer of another instance: " + e.getMessage());
        }
    }
}
