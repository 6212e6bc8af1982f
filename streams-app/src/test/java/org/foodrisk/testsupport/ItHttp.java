package org.foodrisk.testsupport;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

/** The HTTP calls integration tests make as a signed-in user (a bearer token): read, post JSON, or just the status. */
public final class ItHttp {

    private final HttpClient http;

    public ItHttp(HttpClient http) {
        this.http = http;
    }

    public String read(String token, String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token));
    }

    public static MutableHttpRequest<String> post(String path, String json) {
        return HttpRequest.POST(path, json).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** The answer's status, a refusal's too; {@code token} null sends none. */
    public int status(HttpRequest<?> request, String token) {
        MutableHttpRequest<?> sent = (MutableHttpRequest<?>) request;
        if (token != null) {
            sent.bearerAuth(token);
        }
        try {
            return http.toBlocking().exchange(sent).getStatus().getCode();
        } catch (HttpClientResponseException refused) {
            return refused.getStatus().getCode();
        }
    }
}
