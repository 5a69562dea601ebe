package org.openrfid.trace.service.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens for machines and scripts, kept by the SHA-256 of their secret (lower-case hex). */
public interface ApiTokens {

    /** Stores a new token and returns it with its id. */
    ApiToken create(String username, String name, String secretHash, Instant createdAt, Instant expiresAt);

    /** The token whose secret hashes to {@code secretHash}, revoked and expired ones included. */
    Optional<ApiToken> findByHash(String secretHash);

    /** The user's tokens, newest first. */
    List<ApiToken> ofUser(String username);

    /** Revokes the user's token {@code id}; false when the user has no such token. */
    boolean revoke(String username, long id);
}
