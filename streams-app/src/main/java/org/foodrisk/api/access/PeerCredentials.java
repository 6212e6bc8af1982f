package org.foodrisk.api.access;

import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import org.foodrisk.query.PeerAuthorization;

import java.util.Optional;

/**
 * The credential an instance sends when it reads another instance's share of the stores
 * (interactive queries across instances): the bearer token of the user whose request it is
 * serving — the other instance knows the same users — or else the instances' shared
 * {@code foodrisk.security.peer-token}: when no request is behind the read (the scheduled 会商
 * summaries) and when the user signed in on the dashboard (a session cookie holds no token to
 * pass on; the reads of every user are the same, so nothing is lost).
 */
@Singleton
public class PeerCredentials implements PeerAuthorization {

    private final SecuritySettings settings;

    public PeerCredentials(SecuritySettings settings) {
        this.settings = settings;
    }

    /** The value of the Authorization header to send, if there is a credential to send. */
    @Override
    public Optional<String> authorizationHeader() {
        Optional<String> token = ServerRequestContext.currentRequest().flatMap(Credentials::bearerToken);
        if (token.isEmpty() && settings.peerToken() != null && !settings.peerToken().isBlank()) {
            token = Optional.of(settings.peerToken().strip());
        }
        return token.map(t -> "Bearer " + t);
    }
}
