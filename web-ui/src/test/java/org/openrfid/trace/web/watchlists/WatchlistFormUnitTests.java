package org.openrfid.trace.web.watchlists;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The watchlist form's checks and its local times read in the console's zone. */
class WatchlistFormUnitTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");

    @Test
    void localTimesAreTheConsolesZone() {
        WatchlistForm form = new WatchlistForm("Stolen_Vehicle", "渝A·Q8162", "reported stolen", "2026-12-06T22:00", "2026-12-07T06:30");
        assertThat(form.problems(SHANGHAI, NOW)).isEmpty();
        assertThat(form.list()).isEqualTo("stolen_vehicle");
        assertThat(form.start(SHANGHAI, NOW)).isEqualTo(Instant.parse("2026-12-06T14:00:00Z"));
        assertThat(form.end(SHANGHAI)).isEqualTo(Instant.parse("2026-12-06T22:30:00Z"));
        assertThat(new WatchlistForm("x", "y", "z", "", "").start(SHANGHAI, NOW)).isEqualTo(NOW);
    }

    @Test
    void eachMissingOrBadFieldIsNamed() {
        assertThat(new WatchlistForm("stolen vehicle", "", "", "tomorrow", "").problems(SHANGHAI, NOW)).containsExactly(
                Map.entry("list", "watchlists.problem.list"), Map.entry("object", "watchlists.problem.object"),
                Map.entry("reason", "watchlists.problem.reason"), Map.entry("from", "watchlists.problem.time"));
        assertThat(new WatchlistForm("stolen_vehicle", "渝A·Q8162", "why", "2026-12-06T22:00", "2026-12-06T21:00").problems(SHANGHAI, NOW))
                .containsExactly(Map.entry("until", "watchlists.problem.until"));
        assertThat(new WatchlistForm("stolen_vehicle", "渝A·Q8162", "x".repeat(501), "", "").problems(SHANGHAI, NOW)).containsKey("reason");
    }
}
