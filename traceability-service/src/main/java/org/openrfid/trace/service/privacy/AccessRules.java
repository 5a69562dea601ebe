package org.openrfid.trace.service.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.user.Role;

/**
 * Which object kinds each role sees (the roles table of the README). ADMIN sees everything, unbound
 * tags and restricted objects included; the desk roles see their kinds; AUDITOR and the machine roles
 * see no tracking data. Roles this table does not know (the bootstrap admin's {@code OPERATOR}) add nothing.
 */
public final class AccessRules {

    /** Where customs see vehicles: their port gates, not the city's roads. */
    public static final String PORT_GATE = "port_gate";

    private AccessRules() {
    }

    /** The scope of a caller holding these roles (names without {@code ROLE_}), at {@code at}. */
    public static Scope scopeOf(String username, Collection<String> roles, Instant at) {
        Scope scope = Scope.nothing(username, at);
        for (String name : roles) {
            Role role;
            try {
                role = Role.parse(name);
            } catch (IllegalArgumentException notOurs) {
                continue;
            }
            scope = scope.and(scopeOf(username, role, at));
        }
        return scope;
    }

    static Scope scopeOf(String username, Role role, Instant at) {
        return switch (role) {
            case ADMIN -> Scope.everything(username, at);
            case TRAFFIC -> kinds(username, at, Set.of(ObjectKind.VEHICLE.name()), Map.of());
            case CUSTOMS -> kinds(username, at, Set.of(ObjectKind.GOODS.name(), ObjectKind.PALLET.name()),
                    Map.of(ObjectKind.VEHICLE.name(), Set.of(PORT_GATE)));
            case LOGISTICS -> kinds(username, at, Set.of(ObjectKind.GOODS.name(), ObjectKind.PALLET.name()), Map.of());
            case LIBRARIAN -> kinds(username, at, Set.of(ObjectKind.LIBRARY_ITEM.name()), Map.of());
            case AUDITOR, INGEST, METRICS -> Scope.nothing(username, at);
        };
    }

    private static Scope kinds(String username, Instant at, Set<String> kinds, Map<String, Set<String>> onlyAt) {
        return new Scope(username, false, kinds, onlyAt, at);
    }
}
