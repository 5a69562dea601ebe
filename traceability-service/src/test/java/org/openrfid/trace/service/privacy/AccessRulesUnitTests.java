package org.openrfid.trace.service.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRulesUnitTests {

    static final Instant NOW = Instant.parse("2026-02-01T08:00:00Z");

    static Scope of(String... roles) {
        return AccessRules.scopeOf("u", List.of(roles), NOW);
    }

    @Test
    void eachDeskSeesItsKindsAndNeverUnboundTags() {
        assertThat(of("TRAFFIC").visibleKinds()).containsExactly("VEHICLE");
        assertThat(of("LIBRARIAN").visibleKinds()).containsExactly("LIBRARY_ITEM");
        assertThat(of("LOGISTICS").visibleKinds()).containsExactly("GOODS", "PALLET");
        assertThat(of("CUSTOMS").visibleKinds()).containsExactly("GOODS", "PALLET", "VEHICLE");
        for (String role : List.of("TRAFFIC", "CUSTOMS", "LOGISTICS", "LIBRARIAN")) {
            assertThat(of(role).sees(Scope.UNBOUND)).as(role).isFalse();
            assertThat(of(role).unlimited()).as(role).isFalse();
        }
    }

    @Test
    void customsSeeVehiclesOnlyAtPortGatesUnlessAnotherRoleShowsThemEverywhere() {
        Scope customs = of("CUSTOMS");
        assertThat(customs.sees("VEHICLE")).isTrue();
        assertThat(customs.seesEverywhere("VEHICLE")).isFalse();
        assertThat(customs.onlyAt()).isEqualTo(Map.of("VEHICLE", Set.of(AccessRules.PORT_GATE)));
        Scope both = of("CUSTOMS", "TRAFFIC");
        assertThat(both.seesEverywhere("VEHICLE")).isTrue();
        assertThat(both.onlyAt()).isEmpty();
    }

    @Test
    void adminSeesEverythingAndTheAuditorAndMachinesNothing() {
        assertThat(of("ADMIN").unlimited()).isTrue();
        assertThat(of("LIBRARIAN", "ADMIN").unlimited()).isTrue();
        for (String role : List.of("AUDITOR", "INGEST", "METRICS")) {
            assertThat(of(role).seesAny()).as(role).isFalse();
        }
        assertThat(of().seesAny()).isFalse();
        // roles the table does not know (the bootstrap admin's OPERATOR) add nothing, and do not fail
        assertThat(of("OPERATOR").seesAny()).isFalse();
        assertThat(of("OPERATOR", "TRAFFIC").visibleKinds()).containsExactly("VEHICLE");
    }

    @Test
    void aLookupOfOneObjectCountsItsPassagesFromBeforeItsTagWasRegisteredButKeepsThePlacesLimit() {
        Scope traffic = of("TRAFFIC").forLookupOf("VEHICLE");
        assertThat(traffic.kinds()).containsExactlyInAnyOrder("VEHICLE", Scope.UNBOUND);
        Scope customs = of("CUSTOMS").forLookupOf("VEHICLE");
        assertThat(customs.kinds()).isEmpty();
        assertThat(customs.onlyAt()).containsOnlyKeys("VEHICLE", Scope.UNBOUND);
        assertThat(customs.onlyAt().get(Scope.UNBOUND)).containsExactly(AccessRules.PORT_GATE);
        assertThat(of("ADMIN").forLookupOf("VEHICLE").unlimited()).isTrue();
    }

    @Test
    void aPurposeComesFromTheParameterOrTheHeaderAndIsChecked() {
        assertThat(Lookups.purposeOf(" case 7 ", "ignored")).isEqualTo("case 7");
        assertThat(Lookups.purposeOf(null, "ticket 42")).isEqualTo("ticket 42");
        assertThat(Lookups.purposeOf("  ", "  ")).isNull();
        assertThat(Lookups.purposeOf(null, null)).isNull();
        assertThatThrownBy(() -> Lookups.purposeOf("case\n7", null)).hasMessageStartingWith("purpose:");
        assertThatThrownBy(() -> Lookups.purposeOf("x".repeat(201), null)).hasMessageStartingWith("purpose:");
    }
}
