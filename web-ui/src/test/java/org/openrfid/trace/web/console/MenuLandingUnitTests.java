package org.openrfid.trace.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a person lands after logging in: their own desk when they have exactly one with a page of its own. */
class MenuLandingUnitTests {

    @Test
    void oneDeskWithAPageOfItsOwnIsWhereItsPersonLands() {
        assertThat(Menu.landing(List.of("LIBRARIAN"))).isEqualTo("/library");
        assertThat(Menu.landing(List.of("CUSTOMS"))).isEqualTo("/customs");
        assertThat(Menu.landing(List.of("LOGISTICS", "INGEST"))).as("a machine role is no desk").isEqualTo("/logistics");
        assertThat(Menu.landing(List.of("AUDITOR"))).isEqualTo("/audit");
    }

    @Test
    void theDashboardForTrafficAdministratorsAndPeopleWithSeveralDesks() {
        assertThat(Menu.landing(List.of("TRAFFIC"))).isEqualTo("/");
        assertThat(Menu.landing(List.of("ADMIN"))).isEqualTo("/");
        assertThat(Menu.landing(List.of("LIBRARIAN", "CUSTOMS"))).isEqualTo("/");
        assertThat(Menu.landing(List.of("LIBRARIAN", "AUDITOR"))).as("a desk besides the trail").isEqualTo("/library");
        assertThat(Menu.landing(List.of())).isEqualTo("/");
    }
}
