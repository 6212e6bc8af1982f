package org.foodrisk.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.foodrisk.consultation.Consultation;
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
 * Reads 会商 records from the topology's store, correct with any number of instances (as
 * {@link DisposalCaseReader} reads cases): one record from the instance that owns its key, a district's records
 * gathered from every instance, the latest meeting first.
 */
@Singleton
public class ConsultationReader {

    static final Comparator<Consultation> LATEST_FIRST = Comparator.comparing(Consultation::heldAt).reversed()
            .thenComparing(Consultation::consultationId);

    private final StoreInstances instances;

    public ConsultationReader(StoreInstances instances) {
        this.instances = instances;
    }

    /** The records of a district (code), or of every district when null. */
    public List<Consultation> findAll(String district) {
        List<Consultation> found = new ArrayList<>(findLocal(district));
        String query = district == null ? "" : "&district=" + URLEncoder.encode(district, StandardCharsets.UTF_8);
        for (HostInfo host : instances.others(StoreNames.CONSULTATIONS)) {
            recordsIn(instances.fetch(host, "/api/v1/consultations?local=true" + query)).forEach(found::add);
        }
        found.sort(LATEST_FIRST);
        return found;
    }

    public List<Consultation> findLocal(String district) {
        List<Consultation> found = new ArrayList<>();
        try (KeyValueIterator<String, Consultation> all = instances.<Consultation>local(StoreNames.CONSULTATIONS).all()) {
            while (all.hasNext()) {
                KeyValue<String, Consultation> entry = all.next();
                if (district == null || district.equals(entry.value.district())) {
                    found.add(entry.value);
                }
            }
        } catch (InvalidStateStoreException rebalancing) {
            throw instances.notReady(StoreNames.CONSULTATIONS);
        }
        found.sort(LATEST_FIRST);
        return found;
    }

    public Optional<Consultation> get(String consultationId) {
        Optional<HostInfo> owner = instances.remoteOwner(StoreNames.CONSULTATIONS, consultationId);
        if (owner.isEmpty()) {
            return getLocal(consultationId);
        }
        return recordsIn(instances.fetch(owner.get(), "/api/v1/consultations/"
                + URLEncoder.encode(consultationId, StandardCharsets.UTF_8) + "?local=true")).stream().findFirst();
    }

    public Optional<Consultation> getLocal(String consultationId) {
        try {
            return Optional.ofNullable(instances.<Consultation>local(StoreNames.CONSULTATIONS).get(consultationId));
        } catch (InvalidStateStoreException rebalancing) {
            throw instances.notReady(StoreNames.CONSULTATIONS);
        }
    }

    /** A remote answer: a list ({@code {"consultations": [...]}}) or one record. */
    private static List<Consultation> recordsIn(Optional<JsonNode> body) {
        if (body.isEmpty()) {
            return List.of();
        }
        try {
            JsonNode json = body.get();
            return json.has("consultations")
                    ? List.of(Json.MAPPER.treeToValue(json.get("consultations"), Consultation[].class))
                    : List.of(Json.MAPPER.treeToValue(json, Consultation.class));
        } catch (IOException e) {
            throw new HttpStatusException(HttpStatus.BAD_GATEWAY, "unreadable answer of another instance: " + e.getMessage());
        }
    }
}
