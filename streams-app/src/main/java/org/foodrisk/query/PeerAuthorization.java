package org.foodrisk.query;

import java.util.Optional;

/**
 * The credential a read sends when it asks another instance for its share of a store (the
 * Authorization header's value), if there is one to send. The API's access rules provide it
 * ({@code api.access.PeerCredentials}): the query package does not know the users.
 */
public interface PeerAuthorization {

    Optional<String> authorizationHeader();
}
