package org.foodrisk.api;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.foodrisk.alert.Alert;
import org.foodrisk.kafka.Json;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.topology.StoreNames;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads alerts from the topology's alert store (interactive queries), correct with any number of
 * instances: each instance holds the alerts of its own partitions, so a single alert is read
 * from the instance that owns its key ({@code queryMetadataForKey}) and a list is gathered from
 * every instance and merged. Remote reads go to the other instance's HTTP API with
 * {@code local=true}, which answers from its own store only (no forwarding loops).
 */
@Singleton
public class AlertStoreReader {

    static final Comparator<Alert> MOST_URGENT_FIRST = Comparator
            .comparing(Alert::level, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Alert::updatedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Alert::alertId);

    private final KafkaRuntime runtime;
    private final PeerClient peers;

    public AlertStoreReader(KafkaRuntime runtime, PeerClient peers) {
        this.runtime = runtime;
        this.peers = peers;
    }

    /** Alerts matching the query across all instances, most urgent first, one page of them. */
    public AlertPage find(AlertQuery query, int page, int size) {
        List<Alert> matching = new ArrayList<>(findLocal(query));
        for (HostInfo host : otherHosts()) {
            matching.addAll(fetchRemote(host, "/api/v1/alerts?local=true&size=" + Integer.MAX_VALUE + query.asQueryString()));
        }
        matching.sort(MOST_URGENT_FIRST);
        int from = (int) Math.min((long) page * size, matching.size());
        int to = (int) Math.min((long) from + size, matching.size());
        return new AlertPage(matching.size(), page, size, List.copyOf(matching.subList(from, to)));
    }

    /** Alerts of this instance's own partitions only. */
    public List<Alert> findLocal(AlertQuery query) {
        List<Alert> matching = new ArrayList<>();
        java.util.function.Predicate<Alert> matches = query.predicate();
        try (KeyValueIterator<String, Alert> all = store().all()) {
            while (all.hasNext()) {
                KeyValue<String, Alert> entry = all.next();
                if (matches.test(entry.value)) {
                    matching.add(entry.value);
                }
            }
        } catch (InvalidStateStoreException rebalancing) {
            // The store can be taken away mid-iteration by a rebalance.
            throw notReady();
        }
        matching.sort(MOST_URGENT_FIRST);
        return matching;
    }

    /** One alert, from whichever instance owns it. */
    public Optional<Alert> get(String alertId) {
        KeyQueryMetadata owner = runtime.streams().queryMetadataForKey(StoreNames.ALERTS, alertId, new StringSerializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw notReady();
        }
        if (isSelf(owner.activeHost())) {
            return getLocal(alertId);
        }
        List<Alert> remote = fetchRemote(owner.activeHost(), "/api/v1/alerts/"
                + URLEncoder.encode(alertId, StandardCharsets.UTF_8) + "?local=true");
        return remote.stream().findFirst();
    }

    public Optional<Alert> getLocal(String alertId) {
        try {
            return Optional.ofNullable(store().get(alertId));
        } catch (InvalidStateStoreException rebalancing) {
            throw notReady();
        }
    }

    private Collection<HostInfo> otherHosts() {
        List<HostInfo> hosts = new ArrayList<>();
        for (StreamsMetadata metadata : runtime.streams().streamsMetadataForStore(StoreNames.ALERTS)) {
            if (!isSelf(metadata.hostInfo())) {
                hosts.add(metadata.hostInfo());
            }
        }
        return hosts;
    }

    private boolean isSelf(HostInfo host) {
        return (host.host() + ":" + host.port()).equals(runtime.self());
    }

    private List<Alert> fetchRemote(HostInfo host, String pathAndQuery) {
        return peers.get(host, pathAndQuery).map(body -> {
            try {
                if (body.has("alerts")) {
                    return List.of(Json.MAPPER.treeToValue(body.get("alerts"), Alert[].class));
                }
                return List.of(Json.MAPPER.treeToValue(body, Alert.class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "instance " + host + " answered unreadable alerts");
            }
        }).orElse(List.of());
    }

    private ReadOnlyKeyValueStore<String, Alert> store() {
        KafkaStreams streams = runtime.streams();
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(StoreNames.ALERTS,
                    QueryableStoreTypes.<String, Alert>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw notReady();
        }
    }

    private HttpStatusException notReady() {
        return new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "alert store not ready (Kafka Streams is " + runtime.streams().state() + "); retry shortly");
    }
}
