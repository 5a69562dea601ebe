package org.openrfid.trace.service.library.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.library.Inventories;
import org.openrfid.trace.service.library.Inventory;
import org.openrfid.trace.service.library.InventoryFinding;
import org.openrfid.trace.service.library.InventoryOutcome;
import org.openrfid.trace.service.library.InventoryRead;
import org.openrfid.trace.service.library.Loan;
import org.openrfid.trace.service.library.Loans;
import org.openrfid.trace.service.registry.library.LibraryItem;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.openrfid.trace.service.registry.library.jdbc.LibraryStoreConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the loans, inventory and library item stores must do on every database. Subclasses supply a fresh database per test. */
abstract class CirculationStoreContractTests {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    protected Loans loans;
    protected Inventories inventories;
    protected LibraryItems items;
    private DataSource dataSource;

    protected abstract DataSource freshDatabase();

    protected abstract Flyway flyway(DataSource dataSource);

    @BeforeEach
    void migrateFreshDatabase() {
        dataSource = freshDatabase();
        flyway(dataSource).migrate();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        loans = CirculationStoreConfiguration.createLoans(dataSource);
        inventories = CirculationStoreConfiguration.createInventories(dataSource, tx);
        items = LibraryStoreConfiguration.createLibraryItems(dataSource, tx);
    }

    @Test
    void aLoanIsOpenUntilClosedOnceAndStaysInTheHistory() {
        Loan first = loans.open("31200000001", "P-7731", T0, LocalDate.parse("2026-03-16"), "lib1");
        assertThat(loans.current("31200000001")).contains(first);
        assertThat(loans.close(first.id(), T0.plusSeconds(3600), "lib2")).isTrue();
        assertThat(loans.close(first.id(), T0.plusSeconds(7200), "lib2")).as("closed already").isFalse();
        assertThat(loans.current("31200000001")).isEmpty();
        Loan second = loans.open("31200000001", "P-0042", T0.plusSeconds(86_400), LocalDate.parse("2026-03-20"), "lib1");
        List<Loan> history = loans.history("31200000001");
        assertThat(history).extracting(Loan::id).containsExactly(first.id(), second.id());
        assertThat(history.get(0).returnedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(history.get(0).returnedBy()).isEqualTo("lib2");
        assertThat(history.get(1).open()).isTrue();
    }

    @Test
    void openLoansAreListedInIdOrderAndTheOverdueOnesByDueDate() {
        Loan late = loans.open("A-1", "P-1", T0, LocalDate.parse("2026-03-01"), null);
        Loan dueToday = loans.open("A-2", "P-2", T0, LocalDate.parse("2026-03-02"), null);
        Loan returned = loans.open("A-3", "P-3", T0, LocalDate.parse("2026-02-01"), null);
        loans.close(returned.id(), T0.plusSeconds(60), null);
        assertThat(loans.openLoans(null, 0, 10)).extracting(Loan::id).containsExactly(late.id(), dueToday.id());
        assertThat(loans.openLoans(LocalDate.parse("2026-03-02"), 0, 10)).extracting(Loan::id).containsExactly(late.id());
        assertThat(loans.openLoans(null, late.id(), 10)).extracting(Loan::id).containsExactly(dueToday.id());
        assertThat(loans.openLoans(null, 0, 1)).hasSize(1);
    }

    @Test
    void theSchemaRefusesAReturnBeforeTheLoan() {
        Loan loan = loans.open("A-1", "P-1", T0, LocalDate.parse("2026-03-10"), null);
        assertThatThrownBy(() -> loans.close(loan.id(), T0.minusSeconds(1), null)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void itemsKeepTheirHomeLocationAndAreFoundByIt() {
        items.save(List.of(new LibraryItem("B-1", "Dune", null, null, "on_shelf", null, "CQ-LIB-S1"),
                new LibraryItem("B-2", "Emma", null, null, "on_loan", LocalDate.parse("2026-03-20"), "CQ-LIB-S1"),
                new LibraryItem("B-3", "Ulysses", null, null, "on_shelf", null, "CQ-LIB-S2"),
                new LibraryItem("B-4", "Walden", null, null, "on_shelf", null)));
        assertThat(items.atHome("CQ-LIB-S1")).extracting(LibraryItem::itemId).containsExactly("B-1", "B-2");
        assertThat(items.find("B-3")).map(LibraryItem::homeLocation).contains("CQ-LIB-S2");
        assertThat(items.find("B-4")).map(LibraryItem::homeLocation).isEmpty();
        assertThat(items.findAll(List.of("B-3", "B-1", "nope"))).extracting(LibraryItem::itemId).containsExactlyInAnyOrder("B-1", "B-3");
        items.save(List.of(items.find("B-1").orElseThrow().withLoan("on_loan", LocalDate.parse("2026-03-30"))));
        assertThat(items.find("B-1")).hasValueSatisfying(i -> {
            assertThat(i.loanStatus()).isEqualTo("on_loan");
            assertThat(i.homeLocation()).as("a loan keeps the home").isEqualTo("CQ-LIB-S1");
        });
    }

    @Test
    void anInventoryCollectsEachTagOnceAndFreezesItsFindingsWhenFinished() {
        Inventory started = inventories.start("CQ-LIB-S1", "rdr-S1", T0, "lib1");
        assertThat(inventories.open()).containsExactly(started);
        assertThat(inventories.addReads(started.id(), List.of(new InventoryRead("AA01", "B-1", T0.plusSeconds(1)),
                new InventoryRead("AA02", null, T0.plusSeconds(2))))).isEqualTo(2);
        assertThat(inventories.addReads(started.id(), List.of(new InventoryRead("AA01", "B-1", T0.plusSeconds(9)),
                new InventoryRead("AA03", "B-3", T0.plusSeconds(9))))).as("AA01 again is not new").isEqualTo(1);
        assertThat(inventories.reads(started.id())).containsExactly(new InventoryRead("AA01", "B-1", T0.plusSeconds(1)),
                new InventoryRead("AA02", null, T0.plusSeconds(2)), new InventoryRead("AA03", "B-3", T0.plusSeconds(9)));
        List<InventoryFinding> findings = List.of(new InventoryFinding("B-1", InventoryOutcome.PRESENT, "CQ-LIB-S1", "on_shelf"),
                new InventoryFinding("B-3", InventoryOutcome.MISPLACED, "CQ-LIB-S2", "on_shelf"),
                new InventoryFinding("B-9", InventoryOutcome.MISSING, "CQ-LIB-S1", "on_shelf"));
        assertThat(inventories.finish(started.id(), T0.plusSeconds(60), findings)).isTrue();
        assertThat(inventories.finish(started.id(), T0.plusSeconds(90), findings)).as("finished once").isFalse();
        assertThat(inventories.findings(started.id())).containsExactlyInAnyOrderElementsOf(findings);
        assertThat(inventories.find(started.id())).hasValueSatisfying(i -> assertThat(i.finishedAt()).isEqualTo(T0.plusSeconds(60)));
        assertThat(inventories.open()).isEmpty();
    }

    @Test
    void inventoriesAreListedNewestFirst() {
        Inventory a = inventories.start("CQ-LIB-S1", null, T0, null);
        Inventory b = inventories.start("CQ-LIB-S2", null, T0.plusSeconds(5), null);
        assertThat(inventories.list(0, 10)).containsExactly(b, a);
        assertThat(inventories.list(b.id(), 10)).containsExactly(a);
        assertThat(inventories.find(a.id() + b.id() + 100)).isEmpty();
    }

    @Test
    void theSchemaRefusesAnUnknownOutcome() {
        Inventory i = inventories.start("CQ-LIB-S1", null, T0, null);
        assertThatThrownBy(() -> new JdbcTemplate(dataSource).update(
                "INSERT INTO library_inventory_result (inventory_id, item_id, outcome) VALUES (?, 'B-1', 'stolen')", i.id()))
                .isInstanceOf(RuntimeException.class);
    }
}
