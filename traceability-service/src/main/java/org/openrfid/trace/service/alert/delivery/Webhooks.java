package org.openrfid.trace.service.alert.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openrfid.trace.service.alert.AlertType;

/** Registered webhooks and their delivery state (port). Shared by the members of a cluster. */
public interface Webhooks {

    Webhook create(String url, String secret, Set<AlertType> types, boolean enabled);

    Optional<Webhook> find(long id);

    /** Every webhook, in id order. */
    List<Webhook> all();

    /**
     * Replaces url, types and enabled; the secret too unless it is null. {@code resetFailures} clears the failure count
     * (an administrator re-enabling it starts afresh).
     */
    Optional<Webhook> update(long id, String url, String secret, Set<AlertType> types, boolean enabled, boolean resetFailures);

    boolean delete(long id);

    /** An attempt succeeded: failures reset, last delivered and last attempt set. */
    void delivered(long id, Instant at);

    /**
     * An attempt failed: the count goes up by one (atomically, members may fail at once) and reaching {@code disableAfter}
     * turns the webhook off.
     *
     * @return the webhook after the change; empty when it no longer exists
     */
    Optional<Webhook> failed(long id, Instant at, String error, int disableAfter);
}
