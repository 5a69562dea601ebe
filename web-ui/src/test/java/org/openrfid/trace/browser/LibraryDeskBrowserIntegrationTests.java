package org.openrfid.trace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.sampledata.world.LibraryShelves;
import org.openrfid.trace.sampledata.world.WorldBuilder;
import org.openrfid.trace.service.gate.GateTransactions;
import org.openrfid.trace.service.library.Loans;
import org.openrfid.trace.service.library.ShelfInventory;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.registry.library.LibraryItem;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /library}, the library desk, as a librarian works it: a book leaving through the security gate
 * without a loan shows as an alarm the moment the gate records it (no reload); at the counter a typed or
 * scanned barcode lends and takes back a book, showing its title and the patron's card, and a wrong
 * barcode is refused next to the field; a shelf inventory's count grows while the page is open and its
 * report lists the missing book. A librarian gets the 403 page on the port desk.
 */
class LibraryDeskBrowserIntegrationTests extends ConsoleBrowserTest {

    static final String LIBRARIAN = "desk.librarian";

    @Autowired
    GateTransactions gateTransactions;

    @Autowired
    Locations locations;

    @Autowired
    LibraryItems items;

    @Autowired
    Loans loans;

    @Autowired
    ShelfInventory shelfInventory;

    @Test
    void aBookLeavingUnloanedIsAnAlarmOnTheGateMonitorLiveInChinese() throws Exception {
        ensureUser(LIBRARIAN, "LIBRARIAN");
        String unlent = newBook("三体 · 测试本", null);
        ChromeDriver browser = loggedInBrowser(LIBRARIAN, USER_PASSWORD, "zh-CN");
        browser.get(url("/library"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("图书馆工作台");
        waitFor(browser, Duration.ofSeconds(30), b -> b.findElement(By.id("live-state")).getText().equals("实时"));
        browser.executeScript("window.__sameDocument = true;");

        Location gate = locations.find(WorldBuilder.LIBRARY + "-G1").orElseThrow();
        gateTransactions.record(GatePassages.through(gate, Direction.OUT, GatePassages.book(unlent)));

        WebElement row = waitFor(browser, Duration.ofSeconds(60),
                b -> b.findElement(By.xpath("//tbody[@id='gate-rows']/tr[.//li[@data-item='" + unlent + "']]")));
        assertThat(browser.executeScript("return window.__sameDocument === true")).as("no reload").isEqualTo(true);
        assertThat(row.getAttribute("data-verdict")).isEqualTo("ALARM");
        assertThat(row.getAttribute("class")).contains("alarm");
        assertThat(row.getText()).contains("三体 · 测试本").contains("未借出").contains("告警").contains(gate.name())
                .doesNotContain(gate.id());
        assertThat(browser.findElement(By.id("gate-alarms")).getText()).isEqualTo("告警：有未办理借阅的图书正被带出。");
        assertCleanPage(browser);
        screenshot(browser, "library-desk-alarm-zh-CN");
    }

    @Test
    void aLoanAndAReturnAtTheCounterShowTheTitleAndThePatronInEnglish() throws Exception {
        ensureUser(LIBRARIAN, "LIBRARIAN");
        String book = newBook("The Dispossessed", null);
        ChromeDriver browser = loggedInBrowser(LIBRARIAN, USER_PASSWORD, "en");
        browser.get(url("/library"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Library desk");

        // a barcode no book has: refused next to the field, nothing lent
        browser.findElement(By.id("loan-item")).sendKeys("NO-SUCH-BOOK-1");
        browser.findElement(By.id("loan-patron")).sendKeys("P-UI-0001");
        browser.findElement(By.id("loan-submit")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("loan-item-problem")).isEmpty());
        assertThat(browser.findElement(By.id("loan-item-problem")).getText()).isEqualTo("No book has this barcode or tag.");
        assertThat(browser.findElement(By.id("loan-patron")).getAttribute("value")).as("what was typed is kept").isEqualTo("P-UI-0001");
        DeskRefusals.assertOnlyTheRefusal(browser, "/library/loans#counter");
        assertNoMissingMessages(browser);
        screenshot(browser, "library-counter-refused-en");

        // a scanner types the barcode and presses Enter
        WebElement item = browser.findElement(By.id("loan-item"));
        item.clear();
        item.sendKeys(book + "\n");
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.cssSelector("#counter-result[data-action=lent]")).isEmpty());
        assertThat(browser.findElement(By.id("counter-result")).getText()).contains("The Dispossessed").contains(book).contains("P-UI-0001");
        assertThat(items.find(book).orElseThrow().loanStatus()).isEqualTo("on_loan");
        assertThat(loans.current(book)).isPresent().get().extracting(l -> l.patron()).isEqualTo("P-UI-0001");
        assertCleanPage(browser);
        screenshot(browser, "library-counter-lent-en");

        // a lent book passing the gate is no alarm
        Location gate = locations.find(WorldBuilder.LIBRARY + "-G2").orElseThrow();
        gateTransactions.record(GatePassages.through(gate, Direction.OUT, GatePassages.book(book)));
        WebElement passed = waitFor(browser, Duration.ofSeconds(60),
                b -> b.findElement(By.xpath("//tbody[@id='gate-rows']/tr[.//li[@data-item='" + book + "']]")));
        assertThat(passed.getAttribute("data-verdict")).isEqualTo("PASS");
        assertThat(passed.getText()).contains("lent").doesNotContain("not lent");

        browser.findElement(By.id("return-item")).sendKeys(book + "\n");
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.cssSelector("#counter-result[data-action=returned]")).isEmpty());
        assertThat(browser.findElement(By.id("counter-result")).getText()).contains("The Dispossessed").contains("returned").contains("P-UI-0001");
        assertThat(items.find(book).orElseThrow().loanStatus()).isEqualTo("on_shelf");

        browser.findElement(By.id("return-item")).sendKeys(book + "\n");
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("return-item-problem")).isEmpty());
        assertThat(browser.findElement(By.id("return-item-problem")).getText()).isEqualTo("This book is not on loan.");
    }

    @Test
    void aShelfInventoryCountsLiveAndReportsTheMissingBook() throws Exception {
        ensureUser(LIBRARIAN, "LIBRARIAN");
        Location shelf = locations.find(LibraryShelves.SHELF_B).orElseThrow();
        String missing = newBook("A Wizard of Earthsea", shelf.id());
        ChromeDriver browser = loggedInBrowser(LIBRARIAN, USER_PASSWORD, "en");
        browser.get(url("/library"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("inventory-shelf"))).selectByValue(shelf.id());
        browser.findElement(By.id("inventory-start")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> b.getCurrentUrl().matches(".*/library/inventories/\\d+$"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/", ""));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Inventory of ").endsWith(shelf.name());
        assertThat(browser.findElement(By.id("count-tags")).getText()).isEqualTo("0");
        browser.executeScript("window.__sameDocument = true;");

        shelfInventory.addReads(id, List.of("E280" + "1160200074CF0855" + String.format(Locale.ROOT, "%04X", (int) (id % 0xFFFF))));
        waitFor(browser, Duration.ofSeconds(30), b -> b.findElement(By.id("count-tags")).getText().equals("1"));
        assertThat(browser.executeScript("return window.__sameDocument === true")).as("no reload").isEqualTo(true);
        assertCleanPage(browser);
        screenshot(browser, "library-inventory-counting-en");

        browser.findElement(By.id("inventory-finish-submit")).click();
        WebElement line = waitFor(browser, Duration.ofSeconds(30), b -> b.findElement(By.cssSelector("#report-rows tr[data-item='" + missing + "']")));
        assertThat(line.getAttribute("data-outcome")).isEqualTo("MISSING");
        assertThat(line.getText()).contains("A Wizard of Earthsea").contains("missing").contains(shelf.name());
        assertThat(browser.findElement(By.id("report-tally")).getText()).contains("missing").contains("1 tags of no book");
        assertCleanPage(browser);
        screenshot(browser, "library-inventory-report-en");
    }

    @Test
    void aLibrarianSeesTheLibraryDeskAndGetsThe403PageOnThePortDesk() throws Exception {
        ensureUser(LIBRARIAN, "LIBRARIAN");
        ChromeDriver browser = loggedInBrowser(LIBRARIAN, USER_PASSWORD, "zh-CN");
        String menu = browser.findElement(By.cssSelector("header.top nav")).getText();
        assertThat(menu).contains("图书馆工作台").doesNotContain("海关工作台");

        browser.get(url("/customs"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).as("the console's 403 page").isEqualTo("无权访问");
        assertThat(browser.findElements(By.id("gate-rows"))).isEmpty();
        browser.get(url("/customs/declarations/DEMO-CD-0003"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
        assertThat(browser.getPageSource()).doesNotContain("DMOU1000755");
        screenshot(browser, "library-librarian-403-customs-zh-CN");
    }

    /** A new book on the shelf (at {@code home} when given), registered as the library's import would. */
    private String newBook(String title, String home) {
        String id = "UI-BK-" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        items.save(List.of(new LibraryItem(id, title, "823.9 TST", "Central", "on_shelf", null, home)));
        return id;
    }
}
