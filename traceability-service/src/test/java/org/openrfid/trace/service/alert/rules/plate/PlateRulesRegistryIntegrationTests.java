package org.openrfid.trace.service.alert.rules.plate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrfid.trace.service.alert.rules.plate.PlateFixtures.CP;
import static org.openrfid.trace.service.alert.rules.plate.PlateFixtures.T0;
import static org.openrfid.trace.service.alert.rules.plate.PlateFixtures.decided;
import static org.openrfid.trace.service.alert.rules.plate.PlateFixtures.passage;
import static org.openrfid.trace.service.alert.rules.plate.PlateFixtures.read;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleFactory;
import org.openrfid.trace.service.registry.binding.NewBinding;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.Tag;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.testsupport.RegistryStores;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Both plate rules as the application makes them, over the real vehicle and binding stores (H2GIS). */
class PlateRulesRegistryIntegrationTests {

    static final String EPC_A = "E2801160600002A000000001";
    static final String EPC_B = "E2801160600002A000000002";

    final PlateFixtures.Alerts alerts = new PlateFixtures.Alerts();
    RegistryStores registry;
    Vehicle a;
    Vehicle b;
    RuleFactory mismatch;
    RuleFactory withoutTag;

    @BeforeEach
    void registerTwoTaggedVehicles() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:plate-rules-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/h2").load().migrate();
        registry = RegistryStores.create(ds, new TransactionTemplate(new DataSourceTransactionManager(ds)));
        a = new Vehicle(UUID.randomUUID(), "渝BD941W", "02", "blue", "K33", "LVSX16564HG669910", "active", null);
        b = new Vehicle(UUID.randomUUID(), "渝C81480", "02", "blue", "K33", "LVSMPG5S3MS271406", "active", null);
        registry.vehicles().save(List.of(a, b));
        registry.tags().save(List.of(new Tag(RawEpc.ofHex(EPC_A), null), new Tag(RawEpc.ofHex(EPC_B), null)));
        registry.bindings().bind(List.of(new NewBinding(EPC_A, ObjectKind.VEHICLE, a.id().toString(), T0.minusSeconds(86_400)),
                new NewBinding(EPC_B, ObjectKind.VEHICLE, b.id().toString(), T0.minusSeconds(86_400))));
        var factories = new PlateRulesConfiguration();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        mismatch = factories.plateMismatchRules(registry.vehicles(), registry.bindings(), clock);
        withoutTag = factories.plateWithoutTagRules(registry.vehicles(), registry.bindings(), clock);
    }

    @Test
    void aSwappedTagIsAMismatchAndTheVehicleWhosePlateTheCameraReadPassedWithoutItsTag() {
        Rule m = mismatch.create(mismatch.defaults().get(0));
        Rule w = withoutTag.create(withoutTag.defaults().get(0));
        // b drives through carrying a's tag: the readers see EPC_A, the camera sees b's plate
        var tagged = passage(EPC_A, CP, T0.minusSeconds(1), T0.plusSeconds(2), a.id().toString());
        for (Rule r : List.of(m, w)) {
            r.onPassage(tagged, alerts);
            r.onPlateRead(read("渝C81480", CP, T0, 0.9), alerts);
            r.onTick(decided(T0), alerts);
        }

        assertThat(alerts.raised).hasSize(2);
        assertThat(alerts.raised.get(0)).satisfies(alert -> {
            assertThat(alert.subject()).isEqualTo(a.id().toString());
            assertThat(alert.plate()).isEqualTo("渝B·D941W");
            assertThat(alert.evidence()).containsEntry("cameraPlateRegisteredTo", b.id().toString());
        });
        assertThat(alerts.raised.get(1)).satisfies(alert -> {
            assertThat(alert.subject()).isEqualTo(b.id().toString());
            assertThat(alert.epc()).isEqualTo(EPC_B);
            assertThat(alert.plate()).isEqualTo("渝C·81480");
        });
    }

    @Test
    void theEPlatesOwnVehicleSeenByTheCameraRaisesNothing() {
        Rule m = mismatch.create(mismatch.defaults().get(0));
        Rule w = withoutTag.create(withoutTag.defaults().get(0));
        for (Rule r : List.of(m, w)) {
            r.onPassage(passage(EPC_A, CP, T0.minusSeconds(1), T0.plusSeconds(2), a.id().toString()), alerts);
            r.onPlateRead(read("渝BD941W", CP, T0, 0.9), alerts);
            r.onPlateRead(read("渝BD94IW", CP, T0, 0.9), alerts); // a misread: I for 1
            r.onTick(decided(T0), alerts);
        }
        assertThat(alerts.raised).isEmpty();
    }
}
