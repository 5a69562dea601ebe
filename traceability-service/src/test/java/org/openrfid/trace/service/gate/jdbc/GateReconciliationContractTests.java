package org.openrfid.trace.service.gate.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.audit.jdbc.AuditStoreConfiguration;
import org.openrfid.trace.service.customs.CustomsDesk;
import org.openrfid.trace.service.customs.CustomsReconciler;
import org.openrfid.trace.service.customs.Declaration;
import org.openrfid.trace.service.customs.DeclarationCsv;
import org.openrfid.trace.service.customs.DeclarationEvent;
import org.openrfid.trace.service.customs.DeclarationStatus;
import org.openrfid.trace.service.customs.Declarations;
import org.openrfid.trace.service.customs.GtinQuantity;
import org.openrfid.trace.service.customs.jdbc.CustomsStoreConfiguration;
import org.openrfid.trace.service.epcis.EpcisSchema;
import org.openrfid.trace.service.epcis.jdbc.EpcisStoreConfiguration;
import org.openrfid.trace.service.gate.GateContentsResolver;
import org.openrfid.trace.service.gate.GateItem;
import org.openrfid.trace.service.gate.GateTransaction;
import org.openrfid.trace.service.gate.GateTransactionStore;
import org.openrfid.trace.service.gate.GateTransactions;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.service.logistics.LogisticsReconciler;
import org.openrfid.trace.service.logistics.Shipment;
import org.openrfid.trace.service.logistics.ShipmentCsv;
import org.openrfid.trace.service.logistics.Shipments;
import org.openrfid.trace.service.logistics.jdbc.LogisticsStoreConfiguration;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.platform.web.csv.CsvRejectedException;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.NewBinding;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.Tag;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.binding.jdbc.BindingStoreConfiguration;
import org.openrfid.trace.service.registry.goods.Aggregations;
import org.openrfid.trace.service.registry.goods.GoodsItem;
import org.openrfid.trace.service.registry.goods.GoodsItems;
import org.openrfid.trace.service.registry.goods.NewAggregation;
import org.openrfid.trace.service.registry.goods.Pallet;
import org.openrfid.trace.service.registry.goods.UnitKind;
import org.openrfid.trace.service.registry.goods.jdbc.GoodsStoreConfiguration;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.registry.vehicle.VehicleFields;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.openrfid.trace.service.registry.vehicle.jdbc.VehicleStoreConfiguration;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;
import org.openrfid.trace.service.registry.watchlist.jdbc.WatchlistStoreConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gate transactions with the customs and logistics reconcilers, over the real stores of one database:
 * what a port gate and a dock door decide, what is stored and found again, what goes out as EPCIS, and
 * the declaration and shipment stores with their CSV imports. Subclasses supply a fresh database.
 */
abstract class GateReconciliationContractTests {

    static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    static final String TRUCK_EPC = "3416451DA400000005F5E100";
    static final String PLATE = VehicleFields.plate("渝BD941W");
    static final String CONTAINER = "DMOU1000014";
    static final String P1_EPC = "31D4257BF405F5E101000000";
    static final String P1 = "006141411000000019";
    static final String P2_EPC = "31D4257BF405F5E102000000";
    static final String P2 = "006141411000000026";
    static final String P3_EPC = "31D4257BF405F5E103000000";
    static final String P3 = "006141411000000033";
    static final String C1_EPC = "3054024220AC67C0000F4241";
    static final String C2_EPC = "3054024220AC67C0000F4242";
    static final String GTIN = "10037000765438";
    static final LocationInfo PORT = new LocationInfo("PORT-1", "Port gate", "port_gate", 29.64, 106.70);
    static final LocationInfo DOOR = new LocationInfo("HUB-D1", "Dock door 1", "dock_door", 29.61, 106.38);

    protected abstract DataSource freshDatabase();

    protected abstract Flyway flyway(DataSource dataSource);

    private final ObjectMapper json = new ObjectMapper();
    private JdbcTemplate jdbc;
    private Vehicles vehicles;
    private TagBindings bindings;
    private Watchlist watchlist;
    private Declarations declarations;
    private Shipments shipments;
    private GateTransactionStore store;
    private CustomsDesk desk;
    private GateTransactions gates;
    private DeclarationCsv declarationCsv;
    private ShipmentCsv shipmentCsv;
    private UUID vehicleId;
    private String c1;
    private String c2;
    /** The desk's clock: a day after the passages, moved on by the tests. */
    private Instant now = T0.plus(Duration.ofDays(1));

    @BeforeEach
    void registryOfOneTruckAContainerAndThreePallets() {
        DataSource ds = freshDatabase();
        flyway(ds).migrate();
        DataSourceTransactionManager txm = new DataSourceTransactionManager(ds);
        TransactionTemplate tx = new TransactionTemplate(txm);
        jdbc = new JdbcTemplate(ds);
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        vehicles = VehicleStoreConfiguration.createVehicles(ds, tx);
        GoodsItems goods = GoodsStoreConfiguration.createGoodsItems(ds, tx);
        Aggregations aggregations = GoodsStoreConfiguration.createAggregations(ds, tx);
        bindings = BindingStoreConfiguration.createTagBindings(ds, tx);
        watchlist = WatchlistStoreConfiguration.createWatchlist(ds, tx);
        declarations = CustomsStoreConfiguration.createDeclarations(ds, tx);
        shipments = LogisticsStoreConfiguration.createShipments(ds);
        store = GateStoreConfiguration.createStore(ds);

        vehicleId = UUID.randomUUID();
        vehicles.save(List.of(new Vehicle(vehicleId, PLATE, "02", "blue", "H11", "LVSX16564HG669910", "active", null)));
        GoodsItem g1 = GoodsItem.of(GTIN, "1000001", "Diapers", null, null, "CN-1");
        GoodsItem g2 = GoodsItem.of(GTIN, "1000002", "Diapers", null, null, "CN-1");
        c1 = g1.id().toString();
        c2 = g2.id().toString();
        goods.save(List.of(g1, g2));
        GoodsStoreConfiguration.createPallets(ds, tx).save(List.of(new Pallet(P1, "CN-1"), new Pallet(P2, "CN-1"), new Pallet(P3, "CN-2")));
        BindingStoreConfiguration.createTags(ds, tx).save(List.of(TRUCK_EPC, P1_EPC, P2_EPC, P3_EPC, C1_EPC, C2_EPC).stream()
                .map(e -> new Tag(RawEpc.ofHex(e), null)).toList());
        bindings.bind(List.of(new NewBinding(TRUCK_EPC, ObjectKind.VEHICLE, vehicleId.toString(), Instant.EPOCH),
                new NewBinding(P1_EPC, ObjectKind.PALLET, P1, Instant.EPOCH), new NewBinding(P2_EPC, ObjectKind.PALLET, P2, Instant.EPOCH),
                new NewBinding(P3_EPC, ObjectKind.PALLET, P3, Instant.EPOCH), new NewBinding(C1_EPC, ObjectKind.GOODS, c1, Instant.EPOCH),
                new NewBinding(C2_EPC, ObjectKind.GOODS, c2, Instant.EPOCH)));
        aggregations.aggregate(List.of(new NewAggregation(UnitKind.CONTAINER, CONTAINER, UnitKind.PALLET, P1, Instant.EPOCH),
                new NewAggregation(UnitKind.CONTAINER, CONTAINER, UnitKind.PALLET, P2, Instant.EPOCH),
                new NewAggregation(UnitKind.PALLET, P1, UnitKind.GOODS, c1, Instant.EPOCH),
                new NewAggregation(UnitKind.PALLET, P1, UnitKind.GOODS, c2, Instant.EPOCH)));

        desk = new CustomsDesk(declarations, watchlist, aggregations, goods, bindings,
                new Auditor(AuditStoreConfiguration.createAuditTrail(ds, tx, clock)), clock);
        gates = new GateTransactions(List.of(new CustomsReconciler(declarations, watchlist), new LogisticsReconciler(shipments, store)),
                new GateContentsResolver(vehicles, goods, aggregations, bindings), store, EpcisStoreConfiguration.createEventStore(ds, txm),
                new EpcisSchema(), clock);
        declarationCsv = new DeclarationCsv(declarations, desk, tx, clock);
        shipmentCsv = new ShipmentCsv(shipments, tx);
    }

    @Test
    void aTruckReadAsDeclaredPassesItsDeclarationExitsAndTheTransactionIsOneEpcisObjectAndAggregationEvent() throws Exception {
        desk.declare(declaration("D-1", PLATE, List.of(P1, P2), DeclarationStatus.CLEARED), "officer1");
        List<EnrichedPassage> group = List.of(vehicle(T0), pallet(P1_EPC, P1, PORT, T0.plusMillis(600)), pallet(P2_EPC, P2, PORT, T0.plusMillis(900)),
                goods(C1_EPC, c1, PORT, T0.plusMillis(700)));

        GateTransaction t = gates.record(group).orElseThrow();

        assertThat(t.reconciliation().verdict()).isEqualTo(CustomsReconciler.PASS);
        assertThat(t.reconciliation().expectationId()).isEqualTo("D-1");
        assertThat(t.reconciliation().missing()).isEmpty();
        assertThat(t.reconciliation().unexpected()).isEmpty();
        assertThat(t.contents().vehicle().id()).isEqualTo(PLATE);
        assertThat(t.contents().container()).as("from the pallets' aggregation").isEqualTo(CONTAINER);
        assertThat(t.contents().items()).extracting(GateItem::kind, GateItem::id, GateItem::via).contains(
                org.assertj.core.groups.Tuple.tuple(GateItem.GOODS, c2, P1));
        assertThat(declarations.find("D-1").orElseThrow().status()).isEqualTo(DeclarationStatus.EXITED);
        assertThat(declarations.history("D-1", 0, 10)).extracting(DeclarationEvent::kind).containsExactly("DECLARED", "GATE", "EXIT");

        List<JsonNode> events = epcisEvents();
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("ObjectEvent", "AggregationEvent");
        assertThat(events.get(0).path("bizStep").asText()).isEqualTo("departing");
        assertThat(events.get(0).path("epcList").toString()).contains("urn:epc:id:sscc:0614141.0100000001", "urn:epc:id:sscc:0614141.0100000002",
                "urn:epc:id:sgtin:0037000.176543.1000001", "urn:epc:id:sgtin:0037000.176543.1000002");
        assertThat(events.get(1).path("parentID").asText()).isEqualTo("urn:epc:id:bic:" + CONTAINER);

        // A replay of the same passages is the same transaction: nothing new stored, no second EPCIS event.
        assertThat(gates.record(group).orElseThrow().id()).isEqualTo(t.id());
        assertThat(epcisEvents()).hasSize(2);
        assertThat(declarations.history("D-1", 0, 10)).hasSize(3);
    }

    @Test
    void aDeclaredPalletNotReadIsMissingAndTheVerdictIsInspect() {
        desk.declare(declaration("D-2", PLATE, List.of(P1, P2, P3), DeclarationStatus.CLEARED), "officer1");
        GateTransaction t = gates.record(List.of(vehicle(T0), pallet(P1_EPC, P1, PORT, T0.plusMillis(500)),
                pallet(P2_EPC, P2, PORT, T0.plusMillis(800)))).orElseThrow();
        assertThat(t.reconciliation().verdict()).isEqualTo(CustomsReconciler.INSPECT);
        assertThat(t.reconciliation().missing()).extracting(GateItem::kind, GateItem::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(GateItem.PALLET, P3));
        assertThat(declarations.find("D-2").orElseThrow().status()).as("an inspected truck has not left").isEqualTo(DeclarationStatus.CLEARED);
        assertThat(epcisEvents().get(0).path("bizStep").asText()).isEqualTo("inspecting");
    }

    @Test
    void aHeldDeclarationPutsItsUnitsOnCustomsHoldGivesHoldAtTheGateAndItsReleaseEndsThoseEntries() {
        desk.declare(declaration("D-3", null, List.of(P3), DeclarationStatus.DECLARED), "officer1");
        Declaration d = new Declaration("D-4", "CN-1", CONTAINER, PLATE, List.of(), List.of(P1), List.of(), DeclarationStatus.DECLARED, T0);
        desk.declare(d, "officer1");
        desk.hold("D-4", "X-ray anomaly", "officer1");

        Instant at = T0.plus(Duration.ofDays(1));
        assertThat(watchlist.activeObjects(ObjectKind.PALLET, at)).as("declared and containerised pallets").containsExactlyInAnyOrder(P1, P2);
        assertThat(watchlist.activeObjects(ObjectKind.GOODS, at)).as("the consignment's goods").containsExactlyInAnyOrder(c1, c2);
        assertThatThrownBy(() -> desk.hold("D-4", "again", "officer1")).isInstanceOf(CustomsDesk.StateConflict.class);
        assertThatThrownBy(() -> desk.declare(d.withStatus(DeclarationStatus.CLEARED), "officer1")).isInstanceOf(CustomsDesk.StateConflict.class);

        GateTransaction t = gates.record(List.of(vehicle(T0.plus(Duration.ofDays(2))),
                pallet(P1_EPC, P1, PORT, T0.plus(Duration.ofDays(2)).plusMillis(400)))).orElseThrow();
        assertThat(t.reconciliation().verdict()).isEqualTo(CustomsReconciler.HOLD);
        assertThat(t.reconciliation().expectationId()).isEqualTo("D-4");
        assertThat(t.reconciliation().reasons()).anyMatch(r -> r.contains("held"));

        now = now.plus(Duration.ofDays(2));
        desk.release("D-4", "inspected, cleared", "officer2");
        assertThat(watchlist.activeObjects(ObjectKind.PALLET, at)).as("held until the release").contains(P1, P2);
        assertThat(watchlist.activeObjects(ObjectKind.PALLET, now)).isEmpty();
        assertThat(watchlist.activeObjects(ObjectKind.GOODS, now)).isEmpty();
        assertThat(declarations.find("D-4").orElseThrow().status()).isEqualTo(DeclarationStatus.RELEASED);
        assertThat(declarations.history("D-4", 0, 10)).extracting(DeclarationEvent::kind).containsExactly("DECLARED", "HOLD", "GATE", "RELEASE");
        assertThat(jdbc.queryForList("SELECT action FROM audit_record ORDER BY id", String.class)).containsExactly("CUSTOMS_HOLD", "CUSTOMS_RELEASE");
    }

    @Test
    void undeclaredGoodsOnAWatchlistGiveHoldAndOtherUndeclaredGoodsInspect() {
        GateTransaction plain = gates.record(List.of(pallet(P3_EPC, P3, PORT, T0))).orElseThrow();
        assertThat(plain.reconciliation().verdict()).isEqualTo(CustomsReconciler.INSPECT);
        assertThat(plain.reconciliation().expectationId()).isNull();
        assertThat(plain.reconciliation().unexpected()).extracting(GateItem::id).containsExactly(P3);

        watchlist.save(List.of(new WatchlistEntry(0, "stolen_goods", ObjectKind.PALLET, P3, null, null, "reported stolen", T0, null)));
        GateTransaction listed = gates.record(List.of(pallet(P3_EPC, P3, PORT, T0.plusSeconds(60)))).orElseThrow();
        assertThat(listed.reconciliation().verdict()).isEqualTo(CustomsReconciler.HOLD);
    }

    @Test
    void goodsDeclaredByGtinAndQuantityAreCounted() {
        desk.declare(new Declaration("D-5", null, null, PLATE, List.of(), List.of(), List.of(new GtinQuantity(GTIN, 3)),
                DeclarationStatus.CLEARED, T0), "officer1");
        GateTransaction t = gates.record(List.of(vehicle(T0), goods(C1_EPC, c1, PORT, T0.plusMillis(100)),
                goods(C2_EPC, c2, PORT, T0.plusMillis(200)))).orElseThrow();
        assertThat(t.reconciliation().verdict()).isEqualTo(CustomsReconciler.INSPECT);
        assertThat(t.reconciliation().missing()).containsExactly(GateItem.gtin(GTIN, 1));
        assertThat(t.reconciliation().matched()).containsExactly(GateItem.gtin(GTIN, 2));
    }

    @Test
    void aShipmentArrivingInTwoLoadsIsIncompleteThenCompleteAndAStrayPalletIsAMismatch() {
        shipments.save(new Shipment("ASN-1", DOOR.id(), T0, T0.plus(Duration.ofHours(2)), List.of(P1, P2), List.of()));
        GateTransaction first = gates.record(List.of(pallet(P1_EPC, P1, DOOR, T0.plusSeconds(60)))).orElseThrow();
        assertThat(first.reconciliation().verdict()).isEqualTo(LogisticsReconciler.INCOMPLETE);
        assertThat(first.reconciliation().missing()).extracting(GateItem::id).containsExactly(P2);
        GateTransaction second = gates.record(List.of(pallet(P2_EPC, P2, DOOR, T0.plusSeconds(120)))).orElseThrow();
        assertThat(second.reconciliation().verdict()).isEqualTo(LogisticsReconciler.COMPLETE);
        assertThat(second.reconciliation().matched()).extracting(GateItem::id).contains(P1, P2, c1, c2);
        GateTransaction stray = gates.record(List.of(pallet(P3_EPC, P3, DOOR, T0.plusSeconds(180)))).orElseThrow();
        assertThat(stray.reconciliation().verdict()).isEqualTo(LogisticsReconciler.MISMATCH);
        assertThat(stray.reconciliation().unexpected()).extracting(GateItem::id).containsExactly(P3);
        GateTransaction late = gates.record(List.of(pallet(P3_EPC, P3, DOOR, T0.plus(Duration.ofHours(3))))).orElseThrow();
        assertThat(late.reconciliation().verdict()).isEqualTo(LogisticsReconciler.NO_SHIPMENT);
        assertThat(epcisEvents()).filteredOn(e -> e.path("type").asText().equals("ObjectEvent"))
                .extracting(e -> e.path("disposition").asText(null))
                .containsExactly("in_progress", "completeness_verified", "mismatch_instance", null);
    }

    @Test
    void transactionsAreFoundByKindLocationTimeAndVerdictNewestFirstPageByPage() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(gates.record(List.of(pallet(P3_EPC, P3, PORT, T0.plusSeconds(60L * i)))).orElseThrow().id());
        }
        gates.record(List.of(pallet(P3_EPC, P3, DOOR, T0)));
        GateTransactionStore.Query port = new GateTransactionStore.Query(Set.of("port_gate"), null, null, null, null, null, null);
        List<GateTransaction> first = store.find(port, null, 3);
        assertThat(first).extracting(GateTransaction::id).containsExactly(ids.get(4), ids.get(3), ids.get(2));
        GateTransaction last = first.get(2);
        assertThat(store.find(port, new GateTransactionStore.Cursor(last.contents().end(), last.id()), 3))
                .extracting(GateTransaction::id).containsExactly(ids.get(1), ids.get(0));
        assertThat(store.find(new GateTransactionStore.Query(Set.of("port_gate"), "PORT-1", T0.plusSeconds(60), T0.plusSeconds(180), "INSPECT",
                null, null), null, 10)).extracting(GateTransaction::id).containsExactly(ids.get(2), ids.get(1));
        assertThat(store.find(new GateTransactionStore.Query(Set.of(), null, null, null, "PASS", null, null), null, 10)).isEmpty();
        assertThat(store.find(ids.get(0))).get().extracting(t -> t.contents().locationName()).isEqualTo("Port gate");
    }

    @Test
    void declarationFilesImportAllOrNothingWithLineNumbersHoldWhatIsHeldAndExportAsImported() {
        String file = "number,consignment,container,truck_plate,status,epcs,ssccs,gtins,hold_reason\n"
                + "D-10,CN-1,DMOU1000014,渝B·D941W,CLEARED,," + P1 + ";" + P2 + ",,\n"
                + "D-11,CN-2,,,HELD," + P3_EPC + ",," + GTIN + ":4,seal broken\n";
        DeclarationCsv.ImportResult r = declarationCsv.importFile(new StringReader(file), "officer1");
        assertThat(r).isEqualTo(new DeclarationCsv.ImportResult(2, 2, 0, 1));
        assertThat(declarations.find("D-10").orElseThrow().truckPlate()).isEqualTo(PLATE);
        assertThat(declarations.find("D-11").orElseThrow().status()).isEqualTo(DeclarationStatus.HELD);
        assertThat(watchlist.activeObjects(ObjectKind.PALLET, T0.plus(Duration.ofDays(1)))).contains(P3);

        StringWriter out = new StringWriter();
        declarationCsv.exportFile(out);
        assertThat(out.toString()).isEqualTo(file.replace("渝B·D941W", PLATE));

        String bad = "number,consignment,container,truck_plate,status,epcs,ssccs,gtins\n"
                + "D-12,,,,DECLARED,,006141411000000018,\n"
                + "D-13,,NOTACONTAINER,,DECLARED,," + P1 + ",\n"
                + "D-14,,,,RELEASED,," + P1 + ",\n"
                + "D-15,,,,DECLARED,,," + GTIN + ":many\n"
                + "D-16,,,,DECLARED,,,\n";
        assertThatThrownBy(() -> declarationCsv.importFile(new StringReader(bad), "officer1"))
                .isInstanceOfSatisfying(CsvRejectedException.class, e -> assertThat(e.problems()).extracting(p -> p.line() + " " + p.field())
                        .containsExactly("2 ssccs", "3 container", "4 status", "5 gtins", "6 epcs"));
        assertThat(declarations.count()).isEqualTo(2);
    }

    @Test
    void shipmentFilesImportAllOrNothingAndExportAsImported() {
        String file = "id,dock_door,expected_from,expected_to,ssccs,sgtins\n"
                + "ASN-1,HUB-D1,2025-06-02T08:00:00Z,2025-06-02T10:00:00Z," + P1 + ";" + P2 + ",\n"
                + "ASN-2,HUB-D2,2025-06-02T09:00:00Z,2025-06-02T11:00:00Z,," + C1_EPC + "\n";
        assertThat(shipmentCsv.importFile(new StringReader(file))).isEqualTo(new ShipmentCsv.ImportResult(2, 2, 0));
        assertThat(shipments.expectedAt("HUB-D1", T0.plusSeconds(60))).extracting(Shipment::id).containsExactly("ASN-1");
        assertThat(shipments.expectedAt("HUB-D1", T0.plus(Duration.ofHours(2)))).isEmpty();
        StringWriter out = new StringWriter();
        shipmentCsv.exportFile(out);
        assertThat(out.toString()).isEqualTo(file);

        String bad = "id,dock_door,expected_from,expected_to,ssccs,sgtins\n"
                + "ASN-3,HUB-D1,yesterday,2025-06-02T10:00:00Z," + P1 + ",\n"
                + "ASN-4,HUB-D1,2025-06-02T10:00:00Z,2025-06-02T09:00:00Z," + P1 + ",\n"
                + "ASN-5,HUB-D1,2025-06-02T08:00:00Z,2025-06-02T09:00:00Z,,\n";
        assertThatThrownBy(() -> shipmentCsv.importFile(new StringReader(bad)))
                .isInstanceOfSatisfying(CsvRejectedException.class, e -> assertThat(e.problems()).extracting(p -> p.line() + " " + p.field())
                        .containsExactly("2 expected_from", "3 expected_to", "4 ssccs"));
        assertThat(shipments.count()).isEqualTo(2);
    }

    private List<JsonNode> epcisEvents() {
        return jdbc.queryForList("SELECT document FROM epcis_event ORDER BY event_time, event_type DESC", String.class).stream().map(s -> {
            try {
                return json.readTree(s);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Declaration declaration(String number, String plate, List<String> ssccs, DeclarationStatus status) {
        return new Declaration(number, null, null, plate, List.of(), ssccs, List.of(), status, T0);
    }

    private EnrichedPassage vehicle(Instant at) {
        return passage(TRUCK_EPC, new BoundObject(ObjectKind.VEHICLE, vehicleId.toString()), PORT, at, Duration.ofMillis(6500));
    }

    private static EnrichedPassage pallet(String epc, String sscc, LocationInfo where, Instant at) {
        return passage(epc, new BoundObject(ObjectKind.PALLET, sscc), where, at, Duration.ofSeconds(5));
    }

    private static EnrichedPassage goods(String epc, String id, LocationInfo where, Instant at) {
        return passage(epc, new BoundObject(ObjectKind.GOODS, id), where, at, Duration.ofSeconds(5));
    }

    static EnrichedPassage passage(String epc, BoundObject object, LocationInfo where, Instant at, Duration length) {
        RawEpc raw = RawEpc.ofHex(epc);
        Passage p = new Passage(PassageId.of(raw, where.id(), Instants.toMicros(at)), raw, null, where.id(), "rdr-" + where.id(), 5, at,
                at.plus(length), 12, -55.0, Direction.OUT, 3, List.of("rdr-" + where.id() + "/5"));
        return new EnrichedPassage(p, object, where);
    }
}
