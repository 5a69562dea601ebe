package org.openrfid.trace.service.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.retention.RetentionPolicy.Action;

class RetentionPropertiesUnitTests {

    static RetentionProperties props(boolean enabled, String schedule, int extra, Map<String, RetentionProperties.Policy> policies) {
        return new RetentionProperties(enabled, schedule, extra, policies);
    }

    @Test
    void kindsBecomePoliciesWithTheWatchlistPeriodFromExtraDaysOrTheirOwn() {
        Map<String, RetentionProperties.Policy> p = new LinkedHashMap<>();
        p.put("vehicle", new RetentionProperties.Policy(30, "drop", null));
        p.put("goods", new RetentionProperties.Policy(365, "ANONYMIZE", 400));
        p.put("library", new RetentionProperties.Policy(14, "ANONYMISE", null));
        p.put("unbound", new RetentionProperties.Policy(7, "DROP", null));
        List<RetentionPolicy> policies = props(true, "0 30 2 * * *", 60, p).toPolicies();
        assertThat(policies).containsExactly(
                new RetentionPolicy(ObjectKind.VEHICLE, 30, Action.DROP, 90),
                new RetentionPolicy(ObjectKind.GOODS, 365, Action.ANONYMISE, 400),
                new RetentionPolicy(ObjectKind.LIBRARY_ITEM, 14, Action.ANONYMISE, 74),
                new RetentionPolicy(null, 7, Action.DROP, 7));
        // Nothing configured and not enabled: nothing to do, and no error.
        assertThat(props(false, "0 30 2 * * *", 0, null).toPolicies()).isEmpty();
    }

    @Test
    void everyBadSettingIsNamedInOneMessage() {
        Map<String, RetentionProperties.Policy> p = new LinkedHashMap<>();
        p.put("vehicle", new RetentionProperties.Policy(0, "drop", null));
        p.put("lorry", new RetentionProperties.Policy(30, "drop", null));
        p.put("goods", new RetentionProperties.Policy(30, "shred", null));
        p.put("pallet", new RetentionProperties.Policy(null, null, null));
        p.put("library-item", new RetentionProperties.Policy(30, "drop", 10));
        p.put("library", new RetentionProperties.Policy(30, "drop", null));
        p.put("unbound", new RetentionProperties.Policy(30, "drop", 60));
        assertThatThrownBy(() -> props(true, "every night", -1, p).toPolicies())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rfid.retention.schedule: 'every night' is not a cron expression")
                .hasMessageContaining("rfid.retention.watchlist-extra-days: -1 is outside")
                .hasMessageContaining("rfid.retention.policies.vehicle.days: 0 is outside 1..")
                .hasMessageContaining("rfid.retention.policies.lorry: 'lorry' is not an object kind")
                .hasMessageContaining("rfid.retention.policies.goods.action: 'shred' is not DROP or ANONYMISE")
                .hasMessageContaining("rfid.retention.policies.pallet.days: is required")
                .hasMessageContaining("rfid.retention.policies.pallet.action: is required")
                .hasMessageContaining("rfid.retention.policies.library-item.watchlisted-days: 10 is outside 30 (days)..")
                .hasMessageContaining("rfid.retention.policies.library: the same kind as rfid.retention.policies.library-item")
                .hasMessageContaining("rfid.retention.policies.unbound.watchlisted-days: tags bound to nothing are on no watchlist");
        assertThatThrownBy(() -> props(true, "0 30 2 * * *", 0, Map.of()).toPolicies())
                .hasMessageContaining("rfid.retention.enabled is true but no policy is set");
    }
}
