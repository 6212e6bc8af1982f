package org.foodrisk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.state.HostInfo;
import org.foodrisk.api.access.PeerCredentials;
import org.foodrisk.kafka.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks another instance's HTTP API for what its own state stores hold ({@code local=true}
 * queries): empty on 404, 503 for the caller when the other instance cannot answer, so that a
 * client retries rather than takes a partial answer for the whole.
 */
@Singleton
public class PeerClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PeerCredentials credentials;

    public PeerClient(PeerCredentials credentials) {
        this.credentials = credentials;
    }

    public Optional<JsonNode> get(HostInfo host, String pathAndQuery) {
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
}
