package org.openrfid.trace.service.registry.jdbc;

import org.openrfid.trace.service.testsupport.Stores;
import org.openrfid.trace.service.testsupport.RegistryStores;
import org.openrfid.trace.service.testsupport.ObjectRegistryStores;
import org.openrfid.trace.service.retention.RetentionPolicy;
import org.openrfid.trace.service.retention.PassageRetention;
import org.openrfid.trace.service.retention.jdbc.JdbcPassageRetention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.service.passage.TimeOrder;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.binding.NewBinding;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.Tag;
import org.openrfid.trace.service.registry.goods.Aggregation;
import org.openrfid.trace.service.registry.goods.GoodsHistory;
import org.openrfid.trace.service.registry.goods.GoodsItem;
import org.openrfid.trace.service.registry.goods.NewAggregation;
import org.openrfid.trace.service.registry.goods.Pallet;
import org.openrfid.trace.service.registry.goods.UnitKind;
import org.openrfid.trace.service.registry.library.LibraryItem;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every goods, pallet, aggregation, library and watchlist store must do, whatever the database.
 * Subclasses supply a fresh, empty database: H2GIS in memory and a PostGIS schema of its own.
 */
abstract class ObjectRegistryStoreContractTests {

    static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    static final String CASE_EPC = "3054024220AC67C0000F4241";
    static final String PALLET_EPC = "31D4257BF405F5E101000000";
    static final String PALLET_SSCC = "006141411000000019";
    static final String OTHER_SSCC = "006141411000000026";

    protected ObjectRegistryStores objects;
    protected RegistryStores registry;
    protected Stores stores;
    protected DataSource dataSource;
    protected TransactionTemplate tx;

    protected abstract DataSource freshDatabase();

    protected abstract String vendor();

    protected Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor()).load();
    }

    @BeforeEach
    void migrateFreshDatabase() {
        dataSource = freshDatabase();
        flyway(dataSource).migrate();
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        objects = ObjectRegistryStores.create(dataSource, tx);
        registry = RegistryStores.create(dataSource, tx);
        stores = Stores.create(dataSource, tx, java.time.Clock.systemUTC());
    }

    static GoodsItem goods(String gtin, String serial) {
        return GoodsItem.of(gtin, serial, "Baby diapers, 8 packs per case", "L2025-06", LocalDate.of(2027, 1, 31), "CN-2025-0001");
    }

    @Test
    void goodsKeepEveryFieldAndPageInGtinSerialOrder() {
        GoodsItem a = goods("10037000765438", "1000002");
        GoodsItem b = goods("10037000765438", "1000001");
        GoodsItem c = GoodsItem.of("00614141123452", "7", null, null, null, null);
        objects.goods().save(List.of(a, b, c));

        assertThat(a.id()).isEqualTo(GoodsItem.idOf("10037000765438", "1000002"));
        assertThat(objects.goods().find(a.id())).contains(a);
        assertThat(objects.goods().find(c.id())).contains(c);
        assertThat(objects.goods().existing(List.of(a.id(), GoodsItem.idOf("10037000765438", "9")))).containsExactly(a.id());
        assertThat(objects.goods().page(null, null, 2)).containsExactly(c, b);
        assertThat(objects.goods().page(b.gtin(), b.serial(), 10)).containsExactly(a);
        assertThat(objects.goods().ofConsignment("CN-2025-0001", 10)).containsExactly(b, a);
        assertThat(objects.goods().count()).isEqualTo(3);

        GoodsItem relabelled = new GoodsItem(a.id(), a.gtin(), a.serial(), "Diapers", null, null, "CN-2025-0002");
        objects.goods().save(List.of(relabelled));
        assertThat(objects.goods().find(a.id())).contains(relabelled);
        assertThat(objects.goods().count()).isEqualTo(3);
    }

    @Test
    void gs1KeysAreChecked() {
        assertThatThrownBy(() -> GoodsItem.of("10037000765437", "1", null, null, null, null)).hasMessageContaining("check digit");
        assertThatThrownBy(() -> new Pallet("006141411000000018", null)).hasMessageContaining("check digit");
        assertThat(GoodsItem.of("0614141123452", "1", null, null, null, null).gtin()).isEqualTo("00614141123452");
    }

    @Test
    void palletsAreKeptAndPagedBySscc() {
        objects.pallets().save(List.of(new Pallet(OTHER_SSCC, "CN-2025-0001"), new Pallet(PALLET_SSCC, null)));
        assertThat(objects.pallets().find(PALLET_SSCC)).contains(new Pallet(PALLET_SSCC, null));
        assertThat(objects.pallets().existing(List.of(PALLET_SSCC, "006141411000000033"))).containsExactly(PALLET_SSCC);
        assertThat(objects.pallets().page(null, 1)).extracting(Pallet::sscc).containsExactly(PALLET_SSCC);
        assertThat(objects.pallets().page(PALLET_SSCC, 5)).extracting(Pallet::sscc).containsExactly(OTHER_SSCC);
        objects.pallets().save(List.of(new Pallet(PALLET_SSCC, "CN-2025-0003")));
        assertThat(objects.pallets().find(PALLET_SSCC).orElseThrow().consignment()).isEqualTo("CN-2025-0003");
        assertThat(objects.pallets().count()).isEqualTo(2);
    }

    @Test
    void aggregationKeepsOneOpenParentPerChildAndNeverRewritesHistory() {
        String item = goods("10037000765438", "1000001").id().toString();
        var agg = objects.aggregations();
        assertThat(agg.aggregate(List.of(new NewAggregation(UnitKind.PALLET, PALLET_SSCC, UnitKind.GOODS, item, T0)))).isEqualTo(1);
        // The same parent again changes nothing.
        assertThat(agg.aggregate(List.of(new NewAggregation(UnitKind.PALLET, PALLET_SSCC, UnitKind.GOODS, item, T0.plusSeconds(5))))).isZero();
        // Moving to another pallet closes the first interval at the move.
        Instant move = T0.plus(Duration.ofHours(1));
        assertThat(agg.aggregate(List.of(new NewAggregation(UnitKind.PALLET, OTHER_SSCC, UnitKind.GOODS, item, move)))).isEqualTo(1);
        List<Aggregation> history = agg.parentsOf(UnitKind.GOODS, item);
        assertThat(history).extracting(Aggregation::parentId).containsExactly(PALLET_SSCC, OTHER_SSCC);
        assertThat(history.get(0).validTo()).isEqualTo(move);
        assertThat(history.get(1).validTo()).isNull();

        assertThat(agg.childrenAt(UnitKind.PALLET, PALLET_SSCC, T0.plusSeconds(60))).extracting(Aggregation::childId).containsExactly(item);
        assertThat(agg.childrenAt(UnitKind.PALLET, PALLET_SSCC, move)).isEmpty();
        assertThat(agg.childrenAt(UnitKind.PALLET, OTHER_SSCC, move)).hasSize(1);
        assertThat(agg.openOf(UnitKind.GOODS, List.of(item, "other"))).containsOnlyKeys(item);
        assertThat(agg.everAggregated(UnitKind.GOODS, List.of(item, "other"))).containsExactly(item);

        // Starting before the current interval would rewrite history.
        assertThatThrownBy(() -> agg.aggregate(List.of(new NewAggregation(UnitKind.PALLET, PALLET_SSCC, UnitKind.GOODS, item, T0.plusSeconds(10)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlaps");
        assertThat(agg.parentsOf(UnitKind.GOODS, item)).hasSize(2);

        // A pallet into a container; untagged containers are fine.
        assertThat(agg.aggregate(List.of(new NewAggregation(UnitKind.CONTAINER, "DMOU1000014", UnitKind.PALLET, OTHER_SSCC, T0)))).isEqualTo(1);
        assertThat(agg.disaggregate(UnitKind.GOODS, item, move.plusSeconds(60))).isTrue();
        assertThat(agg.disaggregate(UnitKind.GOODS, item, move.plusSeconds(120))).isFalse();
        assertThat(agg.openOf(UnitKind.GOODS, List.of(item))).isEmpty();
        assertThat(agg.page(0, 10)).hasSize(3);
        assertThat(agg.page(agg.page(0, 10).get(1).id(), 10)).hasSize(1);
        assertThatThrownBy(() -> new NewAggregation(UnitKind.GOODS, item, UnitKind.PALLET, PALLET_SSCC, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void libraryItemsKeepEveryFieldAndFilterByStatus() {
        LibraryItem shelf = new LibraryItem("31200000001", "Pride and Prejudice (copy 3)", "823.7 AUS", "CQ-LIB", "on_shelf", null);
        LibraryItem loan = new LibraryItem("31200000002", "A Brief History of Time", null, null, "on_loan", LocalDate.of(2025, 6, 20));
        objects.libraryItems().save(List.of(loan, shelf));
        assertThat(objects.libraryItems().find("31200000002")).contains(loan);
        assertThat(objects.libraryItems().page(null, null, 10)).containsExactly(shelf, loan);
        assertThat(objects.libraryItems().page(null, "on_loan", 10)).containsExactly(loan);
        assertThat(objects.libraryItems().page("31200000001", null, 10)).containsExactly(loan);
        assertThat(objects.libraryItems().existing(List.of("31200000001", "x"))).containsExactly("31200000001");
        objects.libraryItems().save(List.of(new LibraryItem("31200000002", "A Brief History of Time", null, null, "on_shelf", null)));
        assertThat(objects.libraryItems().find("31200000002").orElseThrow().loanStatus()).isEqualTo("on_shelf");
        assertThat(objects.libraryItems().count()).isEqualTo(2);
        assertThatThrownBy(() -> new LibraryItem("1", "t", null, null, "on_shelf", LocalDate.of(2025, 1, 1)))
                .hasMessageContaining("only for items on_loan");
    }

    @Test
    void watchlistEntriesAreKeyedByListObjectAndStart() {
        WatchlistEntry stolen = new WatchlistEntry(0, "stolen_vehicle", ObjectKind.VEHICLE, "v-1", "3416451DA400000005F5E148",
                "渝G·F7447", "reported stolen", T0, null);
        WatchlistEntry hold = new WatchlistEntry(0, "customs_hold", ObjectKind.PALLET, PALLET_SSCC, null, "CN-2025-0003", "held",
                T0.minusSeconds(3600), T0.plusSeconds(3600));
        assertThat(objects.watchlist().save(List.of(stolen, hold))).isEqualTo(2);
        assertThat(objects.watchlist().save(List.of(new WatchlistEntry(0, "stolen_vehicle", ObjectKind.VEHICLE, "v-1", null, null,
                "reported stolen, confirmed", T0, null)))).isZero();
        List<WatchlistEntry> ofVehicle = objects.watchlist().ofObject(ObjectKind.VEHICLE, "v-1");
        assertThat(ofVehicle).hasSize(1);
        assertThat(ofVehicle.get(0).reason()).isEqualTo("reported stolen, confirmed");
        assertThat(objects.watchlist().find(ofVehicle.get(0).id())).contains(ofVehicle.get(0));

        assertThat(objects.watchlist().activeObjects(ObjectKind.PALLET, T0)).containsExactly(PALLET_SSCC);
        assertThat(objects.watchlist().activeObjects(ObjectKind.PALLET, T0.plusSeconds(3600))).isEmpty();
        assertThat(objects.watchlist().activeObjects(ObjectKind.VEHICLE, T0.minusSeconds(1))).isEmpty();

        assertThat(objects.watchlist().end(ofVehicle.get(0).id(), T0.plusSeconds(60))).isTrue();
        assertThat(objects.watchlist().end(ofVehicle.get(0).id(), T0.plusSeconds(90))).isFalse();
        assertThat(objects.watchlist().activeObjects(ObjectKind.VEHICLE, T0.plusSeconds(60))).isEmpty();

        assertThat(objects.watchlist().page(0, null, 10)).hasSize(2);
        assertThat(objects.watchlist().page(0, "customs_hold", 10)).extracting(WatchlistEntry::objectId).containsExactly(PALLET_SSCC);
        assertThat(objects.watchlist().count()).isEqualTo(2);
    }

    @Test
    void newTagsLeaveRegisteredTidsAlone() {
        registry.tags().save(List.of(new Tag(RawEpc.ofHex(CASE_EPC), "E2801160200074CF085509E1")));
        assertThat(objects.newTags().registerMissing(List.of(RawEpc.ofHex(CASE_EPC), RawEpc.ofHex(PALLET_EPC), RawEpc.ofHex(PALLET_EPC))))
                .isEqualTo(1);
        assertThat(registry.tags().find(CASE_EPC).orElseThrow().tid()).isEqualTo("E2801160200074CF085509E1");
        assertThat(registry.tags().find(PALLET_EPC)).isPresent();
    }

    @Test
    void aPalletReadPlacesTheCasesItHeldThen() {
        stores.ensurePartitions();
        String item = goods("10037000765438", "1000001").id().toString();
        objects.newTags().registerMissing(List.of(RawEpc.ofHex(CASE_EPC), RawEpc.ofHex(PALLET_EPC)));
        registry.bindings().bind(List.of(new NewBinding(CASE_EPC, ObjectKind.GOODS, item, Instant.EPOCH),
                new NewBinding(PALLET_EPC, ObjectKind.PALLET, PALLET_SSCC, Instant.EPOCH)));
        Instant in = T0.plus(Duration.ofMinutes(10));
        Instant out = T0.plus(Duration.ofHours(1));
        objects.aggregations().aggregate(List.of(new NewAggregation(UnitKind.PALLET, PALLET_SSCC, UnitKind.GOODS, item, in)));
        objects.aggregations().disaggregate(UnitKind.GOODS, item, out);

        Passage palletBefore = passage(PALLET_EPC, "CQ-LOG-HUB-D01", T0.plus(Duration.ofMinutes(5)));
        Passage palletDuring = passage(PALLET_EPC, "CQ-BW-01-D02", T0.plus(Duration.ofMinutes(20)));
        Passage caseDuring = passage(CASE_EPC, "CQ-BW-01-D02", T0.plus(Duration.ofMinutes(20)).plusMillis(300));
        Passage palletAfter = passage(PALLET_EPC, "CQ-PORT-GATE-L1", T0.plus(Duration.ofHours(2)));
        assertThat(stores.passages().saveAll(List.of(palletBefore, palletDuring, caseDuring, palletAfter))).isEqualTo(4);

        GoodsHistory history = new GoodsHistory(registry.bindings(), objects.aggregations(), registry.passageQueries());
        List<GoodsHistory.Placed> found = history.history(UnitKind.GOODS, item, null, null, null, TimeOrder.OLDEST_FIRST, 10);
        assertThat(found).extracting(p -> p.passage().passage().id()).containsExactly(palletDuring.id(), caseDuring.id());
        assertThat(found).extracting(GoodsHistory.Placed::viaKind).containsExactly(UnitKind.PALLET, UnitKind.GOODS);
        assertThat(found.get(0).viaId()).isEqualTo(PALLET_SSCC);

        // Narrowed to a time range, newest first.
        assertThat(history.history(UnitKind.GOODS, item, T0, T0.plus(Duration.ofMinutes(20)).plusMillis(1), null, TimeOrder.NEWEST_FIRST, 10))
                .extracting(p -> p.passage().passage().id()).containsExactly(palletDuring.id());
    }

    @Test
    void retentionDropsOrAnonymisesOldPassagesAndKeepsWatchlistedObjectsLonger() {
        stores.ensurePartitions();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String watched = "3416451DA400000005F5E148";
        String vehicle = "3416451DA400000005F5E149";
        String unbound = "3416451DA400000005F5E14A";
        objects.newTags().registerMissing(List.of(RawEpc.ofHex(watched), RawEpc.ofHex(vehicle), RawEpc.ofHex(CASE_EPC)));
        registry.bindings().bind(List.of(new NewBinding(watched, ObjectKind.VEHICLE, "v-watched", Instant.EPOCH),
                new NewBinding(vehicle, ObjectKind.VEHICLE, "v-plain", Instant.EPOCH),
                new NewBinding(CASE_EPC, ObjectKind.GOODS, "g-1", Instant.EPOCH)));
        objects.watchlist().save(List.of(new WatchlistEntry(0, "stolen_vehicle", ObjectKind.VEHICLE, "v-watched", watched, null,
                "reported stolen", now.minus(Duration.ofDays(400)), null)));
        List<Passage> all = new java.util.ArrayList<>();
        for (String epc : List.of(watched, vehicle, unbound, CASE_EPC)) {
            for (int days : new int[] {10, 40}) {
                all.add(passage(epc, "CP-1", now.minus(Duration.ofDays(days))));
            }
        }
        Passage watchedVeryOld = passage(watched, "CP-1", now.minus(Duration.ofDays(100)));
        all.add(watchedVeryOld);
        stores.passages().saveEnriched(all.stream().map(p -> p.epc().toHex().equals(CASE_EPC)
                ? new org.openrfid.trace.service.passage.EnrichedPassage(p, new org.openrfid.trace.service.registry.binding.BoundObject(ObjectKind.GOODS, "g-1"), null)
                : org.openrfid.trace.service.passage.EnrichedPassage.bare(p)).toList());

        PassageRetention retention = JdbcPassageRetention.create(dataSource, tx, java.time.Clock.systemUTC());
        List<RetentionPolicy> policies = List.of(
                new RetentionPolicy(ObjectKind.VEHICLE, 30, RetentionPolicy.Action.DROP, 90),
                new RetentionPolicy(ObjectKind.GOODS, 30, RetentionPolicy.Action.ANONYMISE, 30),
                new RetentionPolicy(null, 30, RetentionPolicy.Action.DROP, 30));
        PassageRetention.Result result = retention.apply(policies);
        assertThat(result.deleted()).as("%s remaining %s of %s", result, stores.passages().latest(100).stream().map(x -> x.epc().toHex() + "@" + x.firstSeen()).toList(),
                all.stream().map(x -> x.epc().toHex() + "@" + x.firstSeen()).toList()).isEqualTo(3); // plain vehicle and unbound tag at 40 days, watched vehicle at 100 days
        assertThat(result.anonymised()).isEqualTo(1);
        assertThat(result.partitionsDropped()).isZero();
        assertThat(stores.passages().count()).isEqualTo(all.size() - 3);
        assertThat(stores.passages().find(watchedVeryOld.id())).isEmpty();
        assertThat(stores.passages().find(all.get(1).id())).isPresent(); // watched vehicle at 40 days
        Passage anonymised = stores.passages().find(all.get(7).id()).orElseThrow();
        assertThat(anonymised.epc().toHex()).isEqualTo(PassageRetention.ANONYMOUS_EPC);
        assertThat(anonymised.tagUri()).isNull();
        org.openrfid.trace.service.passage.EnrichedPassage anonymisedRow = stores.passages().findEnriched(all.get(7).id()).orElseThrow();
        assertThat(anonymisedRow.object()).as("the object id names the goods as the EPC did").isNull();
        assertThat(anonymised.locationId()).isEqualTo("CP-1");
        assertThat(anonymised.firstSeen()).isEqualTo(all.get(7).firstSeen());
        // Idempotent: a second run finds nothing more to do.
        assertThat(retention.apply(policies)).isEqualTo(new PassageRetention.Result(0, 0, 0));
        assertThatThrownBy(() -> new RetentionPolicy(ObjectKind.VEHICLE, 30, RetentionPolicy.Action.DROP, 10))
                .isInstanceOf(IllegalArgumentException.class);

        // Every kind dropping: on PostGIS whole day partitions beyond the longest period go at once.
        java.time.LocalDate day = now.minus(Duration.ofDays(120)).atZone(java.time.ZoneOffset.UTC).toLocalDate();
        boolean postgis = vendor().equals("postgresql");
        if (postgis) {
            new org.springframework.jdbc.core.JdbcTemplate(dataSource).execute("CREATE TABLE passage_" + day.toString().replace("-", "")
                    + " PARTITION OF passage FOR VALUES FROM ('" + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')");
        }
        Passage ancient = passage(vehicle, "CP-1", day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC));
        stores.passages().saveAll(List.of(ancient));
        List<RetentionPolicy> dropAll = new java.util.ArrayList<>();
        for (ObjectKind k : ObjectKind.values()) {
            dropAll.add(new RetentionPolicy(k, 30, RetentionPolicy.Action.DROP, k == ObjectKind.VEHICLE ? 90 : 30));
        }
        dropAll.add(new RetentionPolicy(null, 30, RetentionPolicy.Action.DROP, 30));
        PassageRetention.Result second = retention.apply(dropAll);
        assertThat(second.partitionsDropped()).isEqualTo(postgis ? 1 : 0);
        assertThat(second.deleted()).isEqualTo(postgis ? 0 : 1);
        assertThat(stores.passages().find(ancient.id())).isEmpty();
        assertThat(stores.passages().count()).isEqualTo(all.size() - 3);
    }

    @Test
    void aWholeDayPartitionGoesWhenPastThePlainPeriodAndHoldingNoWatchlistedObject() {
        stores.ensurePartitions();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String watched = "3416451DA400000005F5E148";
        String plain = "3416451DA400000005F5E149";
        objects.newTags().registerMissing(List.of(RawEpc.ofHex(watched), RawEpc.ofHex(plain)));
        registry.bindings().bind(List.of(new NewBinding(watched, ObjectKind.VEHICLE, "v-watched", Instant.EPOCH),
                new NewBinding(plain, ObjectKind.VEHICLE, "v-plain", Instant.EPOCH)));
        objects.watchlist().save(List.of(new WatchlistEntry(0, "stolen_vehicle", ObjectKind.VEHICLE, "v-watched", watched, null,
                "reported stolen", now.minus(Duration.ofDays(400)), null)));
        java.time.LocalDate day60 = now.minus(Duration.ofDays(60)).atZone(java.time.ZoneOffset.UTC).toLocalDate();
        java.time.LocalDate day50 = now.minus(Duration.ofDays(50)).atZone(java.time.ZoneOffset.UTC).toLocalDate();
        boolean postgis = vendor().equals("postgresql");
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        if (postgis) {
            for (java.time.LocalDate day : List.of(day60, day50)) {
                jdbc.execute("CREATE TABLE passage_" + day.toString().replace("-", "") + " PARTITION OF passage FOR VALUES FROM ('"
                        + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')");
            }
        }
        Passage plainAt60 = passage(plain, "CP-1", day60.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC));
        Passage plainAt50 = passage(plain, "CP-1", day50.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC));
        Passage watchedAt50 = passage(watched, "CP-1", day50.atTime(13, 0).toInstant(java.time.ZoneOffset.UTC));
        Passage recent = passage(plain, "CP-1", now.minus(Duration.ofDays(1)));
        stores.passages().saveAll(List.of(plainAt60, plainAt50, watchedAt50, recent));

        List<RetentionPolicy> dropAll = new java.util.ArrayList<>();
        for (ObjectKind k : ObjectKind.values()) {
            dropAll.add(new RetentionPolicy(k, 30, RetentionPolicy.Action.DROP, k == ObjectKind.VEHICLE ? 90 : 30));
        }
        dropAll.add(new RetentionPolicy(null, 30, RetentionPolicy.Action.DROP, 30));
        PassageRetention.Result result = JdbcPassageRetention.create(dataSource, tx, java.time.Clock.systemUTC()).apply(dropAll);

        // Day 60 holds only a plain vehicle: the partition goes. Day 50 holds a watchlisted vehicle: its
        // partition stays and only the plain vehicle's passage is deleted row-wise.
        assertThat(result).isEqualTo(postgis ? new PassageRetention.Result(1, 1, 0) : new PassageRetention.Result(0, 2, 0));
        assertThat(stores.passages().find(plainAt60.id())).isEmpty();
        assertThat(stores.passages().find(plainAt50.id())).isEmpty();
        assertThat(stores.passages().find(watchedAt50.id())).isPresent();
        assertThat(stores.passages().find(recent.id())).isPresent();
        if (postgis) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_class WHERE relname IN (?, ?) AND relnamespace = current_schema()::regnamespace",
                    Integer.class, "passage_" + day60.toString().replace("-", ""), "passage_" + day50.toString().replace("-", ""))).isEqualTo(1);
        }
    }

    static Passage passage(String epcHex, String location, Instant firstSeen) {
        RawEpc epc = RawEpc.ofHex(epcHex);
        return new Passage(PassageId.of(epc, location, Instants.toMicros(firstSeen)), epc, null, location, "rdr-" + location, 1,
                firstSeen, firstSeen.plusMillis(1500), 12, -55.5, Direction.NONE);
    }
}
