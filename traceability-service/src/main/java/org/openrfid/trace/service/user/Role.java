package org.openrfid.trace.service.user;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a user may do (issue 12). A user may hold several. Today only {@link #ADMIN} is enforced beyond
 * "logged in" (the users API, {@code /api/v1/admin/**}); scoping the other roles to their object kinds comes later.
 */
public enum Role {
    /** Users, readers, locations, rules, retention: everything. */
    ADMIN,
    /** Vehicles, their passages, trajectories, companions, flows and OD. */
    TRAFFIC,
    /** Goods, pallets, containers, consignments and declarations, port-gate vehicles. */
    CUSTOMS,
    /** Goods, pallets, dock doors. */
    LOGISTICS,
    /** Library items and gates. */
    LIBRARIAN,
    /** The audit trail, read-only. */
    AUDITOR,
    /** A machine pushing tag reads and plate reads. */
    INGEST,
    /** A machine scraping {@code /actuator/prometheus}. */
    METRICS;

    /** The role named {@code name} (any case); an {@link IllegalArgumentException} naming {@code roles} otherwise. */
    public static Role parse(String name) {
        if (name != null) {
            for (Role r : values()) {
                if (r.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("roles: unknown role '" + name + "', expected one of "
                + Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", ")));
    }
}
