package org.foodrisk.api;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.foodrisk.alert.Alert;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.topology.StoreNames;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads alerts from the topology's alert store (interactive queries). With one instance it
 * holds every alert; answering for keys held by other instances (routing by
 * {@code KafkaStreams.queryMetadataForKey}) is the query-API issue's work and not done here.
 */
@Singleton
public class AlertStoreReader {

    private static final Comparator<Alert> MOST_URGENT_FIRST = Comparator
            .comparing(Alert::level, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Alert::updatedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Alert::alertId);

    private final KafkaRuntime runtime;

    public AlertStoreReader(KafkaRuntime runtime) {
        this.runtime = runtime;
    }

    public AlertPage find(AlertQuery query, int page, int size) {
        List<Alert> matching = new ArrayList<>();
        try (KeyValueIterator<String, Alert> all = store().all()) {
            while (all.hasNext()) {
                KeyValue<String, Alert> entry = all.next();
                if (query.predicate().test(entry.value)) {
                    matching.add(entry.value);
                }
            }
        }
        matching.sort(MOST_URGENT_FIRST);
        int from = Math.min(page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        return new AlertPage(matching.size(), page, size, List.copyOf(matching.subList(from, to)));
    }

    public Optional<Alert> get(String alertId) {
        return Optional.ofNullable(store().get(alertId));
    }

    private ReadOnlyKeyValueStore<String, Alert> store() {
        KafkaStreams streams = runtime.streams();
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(StoreNames.ALERTS,
                    QueryableStoreTypes.<String, Alert>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            // Starting up or rebalancing: the client should retry shortly.
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "alert store not ready (Kafka Streams is " + streams.state() + "); retry shortly");
        }
    }
}
