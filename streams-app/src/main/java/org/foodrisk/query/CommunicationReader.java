package org.foodrisk.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.foodrisk.communication.RiskCommunication;
import org.foodrisk.kafka.Json;
import org.foodrisk.topology.StoreNames;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads 消费提示 / 风险警示 drafts from the topology's store, correct with any number of instances (as
 * {@link DisposalCaseReader} reads cases): one record from the instance that owns its key, a district's drafts
 * gathered from every instance, the latest changed first.
 */
@Singleton
public class CommunicationReader {

    static final Comparator<RiskCommunication> LATEST_FIRST = Comparator.comparing(RiskCommunication::updatedAt).reversed()
            .thenComparing(RiskCommunication::communicationId);

    private final StoreInstances instances;

    public CommunicationReader(StoreInstances instances) {
        this.instances = instances;
    }

    /** The drafts of a district (code), or of every district when null. */
    public List<RiskCommunication> findAll(String district) {
        List<RiskCommunication> found = new ArrayList<>(findLocal(district));
        String query = district == null ? "" : "&district=" + URLEncoder.encode(district, StandardCharsets.UTF_8);
        for (HostInfo host : instances.others(StoreNames.RISK_COMMUNICATIONS)) {
            recordsIn(instances.fetch(host, "/api/v1/communications?local=true" + query)).forEach(found::add);
        }
        found.sort(LATEST_FIRST);
        return found;
    }

    public List<RiskCommunication> findLocal(String district) {
        List<RiskCommunication> found = new ArrayList<>();
        try (KeyValueIterator<String, RiskCommunication> all = instances.<RiskCommunication>local(StoreNames.RISK_COMMUNICATIONS).all()) {
            while (all.hasNext()) {
                KeyValue<String, RiskCommunication> entry = all.next();
                if (district == null || district.equals(entry.value.districtCode())) {
                    found.add(entry.value);
                }
            }
        } catch (InvalidStateStoreException rebalancing) {
            throw instances.notReady(StoreNames.RISK_COMMUNICATIONS);
        }
        found.sort(LATEST_FIRST);
        return found;
    }

    public Optional<RiskCommunication> get(String communicationId) {
        Optional<HostInfo> owner = instances.remoteOwner(StoreNames.RISK_COMMUNICATIONS, communicationId);
        if (owner.isEmpty()) {
            return getLocal(communicationId);
        }
        return recordsIn(instances.fetch(owner.get(), "/api/v1/communications/"
                + URLEncoder.encode(communicationId, StandardCharsets.UTF_8) + "?local=true")).stream().findFirst();
    }

    public Optional<RiskCommunication> getLocal(String communicationId) {
        try {
            return Optional.ofNullable(instances.<RiskCommunication>local(StoreNames.RISK_COMMUNICATIONS).get(communicationId));
        } catch (InvalidStateStoreException rebalancing) {
            throw instances.notReady(StoreNames.RISK_COMMUNICATIONS);
        }
    }

    /** A remote answer: a list ({@code {"communications": [...]}}) or one draft. */
    private static List<RiskCommunication> recordsIn(Optional<JsonNode> body) {
        if (body.isEmpty()) {
            return List.of();
        }
        try {
            JsonNode json = body.get();
            return json.has("communications")
                    ? List.of(Json.MAPPER.treeToValue(json.get("communications"), RiskCommunication[].class))
                    : List.of(Json.MAPPER.treeToValue(json, RiskCommunication.class));
        } catch (IOException e) {
            throw new HttpStatusException(HttpStatus.BAD_GATEWAY, "unreadable answer of another instance: " + e.getMessage());
        }
    }
}
