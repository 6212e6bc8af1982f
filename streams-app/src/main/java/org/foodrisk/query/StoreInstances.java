package org.foodrisk.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.foodrisk.kafka.Json;
import org.foodrisk.runtime.KafkaRuntime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the state of a store lives when the app runs as several instances, and how to ask another
 * instance for it. Each instance holds the partitions Kafka Streams assigned to it; a key is read
 * where {@code queryMetadataForKey} says it lives, a scan is gathered from every instance. Remote
 * reads call the other instance's HTTP API with {@code local=true}, which answers from its own
 * store only, so a request is forwarded at most once.
 *
 * <p>Only the readers of this package use it: they are the one place that knows the store names, the
 * key layouts and the stores' value classes; the API asks them (ArchitectureTest).
 */
@Singleton
class StoreInstances {

    private final KafkaRuntime runtime;
    private final PeerAuthorization credentials;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    StoreInstances(KafkaRuntime runtime, PeerAuthorization credentials) {
        this.runtime = runtime;
        this.credentials = credentials;
    }

    /** This instance's part of a store; 503 while Kafka Streams is (re)assigning it. */
    <V> ReadOnlyKeyValueStore<String, V> local(String store) {
        KafkaStreams streams = runtime.streams();
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw notReady(store);
        }
    }

    /**
     * This instance's part of {@code store} for the one partition that holds {@code key} in
     * {@code keyedStore} (two stores of one processor share partitions): for per-task entries such as
     * a progress store's, which a plain {@link #local} lookup would take from whichever task it asks first.
     */
    <V> ReadOnlyKeyValueStore<String, V> localPartitionOf(String store, String keyedStore, String key) {
        KafkaStreams streams = runtime.streams();
        KeyQueryMetadata owner = streams.queryMetadataForKey(keyedStore, key, new StringSerializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw notReady(store);
        }
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore())
                    .withPartition(owner.partition()));
        } catch (InvalidStateStoreException e) {
            throw notReady(store);
        }
    }

    /** The other instances that hold part of {@code store}. */
    List<HostInfo> others(String store) {
        List<HostInfo> hosts = new ArrayList<>();
        for (StreamsMetadata metadata : runtime.streams().streamsMetadataForStore(store)) {
            if (!isSelf(metadata.hostInfo())) {
                hosts.add(metadata.hostInfo());
            }
        }
        return hosts;
    }

    /** The instance that owns {@code key} in {@code store}, or empty when it is this one. */
    Optional<HostInfo> remoteOwner(String store, String key) {
        KeyQueryMetadata owner = runtime.streams().queryMetadataForKey(store, key, new StringSerializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw notReady(store);
        }
        return isSelf(owner.activeHost()) ? Optional.empty() : Optional.of(owner.activeHost());
    }

    /** GET {@code pathAndQuery} on another instance: its JSON body, or empty on 404. */
    Optional<JsonNode> fetch(HostInfo host, String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET();
        // The other instance checks the same users: it sees who is asking (or the peer token).
        credentials.authorizationHeader().ifPresent(value -> builder.header("Authorization", value));
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        "instance " + host + " answered " + response.statusCode() + "; retry shortly");
            }
            return Optional.of(Json.MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "instance " + host + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "interrupted");
        }
    }

    /** 503: the store is being (re)assigned; the client should retry. */
    HttpStatusException notReady(String store) {
        return new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                store + " not ready (Kafka Streams is " + runtime.streams().state() + "); retry shortly");
    }

    private boolean isSelf(HostInfo host) {
        return (host.host() + ":" + host.port()).equals(runtime.self());
    }
}
