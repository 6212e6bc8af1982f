package org.foodrisk.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.foodrisk.kafka.Json;

import java.io.IOException;
import java.lang.reflect.Array;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One store of records keyed by their id and belonging to a district (会商 records, risk communications), read
 * correctly with any number of instances: one record from the instance that owns its key, a district's records
 * gathered from every instance (each answering {@code <path>?local=true&district=} with {@code {"<listField>": […]}}).
 * The readers of the API extend it instead of repeating the gathering.
 *
 * @param <V> the record type
 */
public abstract class DistrictRecords<V> {

    private final StoreInstances instances;
    private final String store;
    private final String path;
    private final String listField;
    private final Class<V> type;
    private final Function<V, String> district;
    private final Comparator<V> order;
    private final String filterParam;

    /**
     * @param path      the API path of the list ({@code /api/v1/consultations}); one record is {@code <path>/<id>}
     * @param listField the list's field in the answer ({@code consultations})
     */
    protected DistrictRecords(StoreInstances instances, String store, String path, String listField, Class<V> type,
                    Function<V, String> district, Comparator<V> order) {
        this(instances, store, path, listField, type, district, order, "district");
    }

    /** @param filterParam the list's query parameter that selects by {@code district} (another word than district) */
    protected DistrictRecords(StoreInstances instances, String store, String path, String listField, Class<V> type,
                    Function<V, String> district, Comparator<V> order, String filterParam) {
        this.filterParam = filterParam;
        this.instances = instances;
        this.store = store;
        this.path = path;
        this.listField = listField;
        this.type = type;
        this.district = district;
        this.order = order;
    }

    /** The records of a district (code), or of every district when null, in order. */
    public List<V> findAll(String districtCode) {
        List<V> found = new ArrayList<>(findLocal(districtCode));
        String query = districtCode == null ? "" : "&" + filterParam + "=" + URLEncoder.encode(districtCode, StandardCharsets.UTF_8);
        for (HostInfo host : instances.others(store)) {
            recordsIn(instances.fetch(host, path + "?local=true" + query)).forEach(found::add);
        }
        found.sort(order);
        return found;
    }

    public List<V> findLocal(String districtCode) {
        List<V> found = new ArrayList<>();
        try (KeyValueIterator<String, V> all = instances.<V>local(store).all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                if (districtCode == null || districtCode.equals(district.apply(entry.value))) {
                    found.add(entry.value);
                }
            }
        } catch (InvalidStateStoreException rebalancing) {
            throw instances.notReady(store);
        }
        found.sort(order);
        return found;
    }

    public Optional<V> get(String id) {
        Optional<HostInfo> owner = instances.remoteOwner(store, id);
        if (owner.isEmpty()) {
            return getLocal(id);
        }
        return recordsIn(instances.fetch(owner.get(), path + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                + "?local=true")).stream().findFirst();
    }

    public Optional<V> getLocal(String id) {
        try {
            return Optional.ofNullable(instances.<V>local(store).get(id));
        } catch (InvalidStateStoreException rebalancing) {
            throw instances.notReady(store);
        }
    }

    /** A remote answer: a list ({@code {"<listField>": [...]}}) or one record. */
    @SuppressWarnings("unchecked")
    private List<V> recordsIn(Optional<JsonNode> body) {
        if (body.isEmpty()) {
            return List.of();
        }
        try {
            JsonNode json = body.get();
            if (json.has(listField)) {
                Class<V[]> arrayType = (Class<V[]>) Array.newInstance(type, 0).getClass();
                return List.of(Json.MAPPER.treeToValue(json.get(listField), arrayType));
            }
            return List.of(Json.MAPPER.treeToValue(json, type));
        } catch (IOException e) {
            throw new HttpStatusException(HttpStatus.BAD_GATEWAY, "unreadable answer of another instance: " + e.getMessage());
        }
    }
}
