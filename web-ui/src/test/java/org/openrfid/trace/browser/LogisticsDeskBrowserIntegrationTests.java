package org.openrfid.trace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.sampledata.world.WorldBuilder;
import org.openrfid.trace.service.gate.GateTransactions;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.web.console.DisplayNames;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /logistics}, the dock desk, as a warehouse clerk uses it: an expected shipment is listed with its
 * dock door's name; a receipt recorded while the desk is open appears without a reload, first incomplete,
 * then complete when the last pallet passes, and the shipment's latest receipt says so after a reload.
 */
class LogisticsDeskBrowserIntegrationTests extends ConsoleBrowserTest {

    static final String CLERK = "dock.clerk";
    /** No demo shipment is expected at this door, so the test's shipment is the only candidate. */
    static final String DOOR = WorldBuilder.LOGISTICS_HUB + "-D03";

    @Autowired
    GateTransactions gateTransactions;

    @Autowired
    Locations locations;

    @Autowired
    DisplayNames names;

    @Test
    void receiptsAtTheDockDoorArriveLiveAgainstTheExpectedShipmentInBothLanguages() throws Exception {
        ensureUser(CLERK, "LOGISTICS");
        String first = CustomsDeskBrowserIntegrationTests.newSscc();
        String second = CustomsDeskBrowserIntegrationTests.newSscc();
        String shipment = expect(first, second);
        String door = names.locationName(DOOR);

        ChromeDriver browser = loggedInBrowser(CLERK, USER_PASSWORD, "zh-CN");
        browser.get(url("/logistics"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("月台工作台");
        assertThat(browser.findElement(By.cssSelector("#shipment-rows tr[data-shipment='" + shipment + "']")).getText())
                .contains(door).contains("2 个托盘").contains("尚未收货");
        waitFor(browser, Duration.ofSeconds(30), b -> b.findElement(By.id("live-state")).getText().equals("实时"));
        browser.executeScript("window.__sameDocument = true;");

        gateTransactions.record(GatePassages.through(locations.find(DOOR).orElseThrow(), Direction.IN, GatePassages.pallet(first)));
        WebElement incomplete = waitFor(browser, Duration.ofSeconds(60),
                b -> b.findElement(By.cssSelector("#gate-rows tr[data-shipment='" + shipment + "'][data-verdict=INCOMPLETE]")));
        assertThat(incomplete.getText()).contains(door).contains("不完整").contains("相符 1，缺少 1，多出 0").doesNotContain(DOOR + " ");
        assertCleanPage(browser);
        screenshot(browser, "logistics-desk-zh-CN");

        browser.get(url("/logistics?lang=en"));
        browser.executeScript("window.__sameDocument = true;");
        waitFor(browser, Duration.ofSeconds(30), b -> b.findElement(By.id("live-state")).getText().equals("live"));
        gateTransactions.record(GatePassages.through(locations.find(DOOR).orElseThrow(), Direction.IN, GatePassages.pallet(second)));
        WebElement complete = waitFor(browser, Duration.ofSeconds(60),
                b -> b.findElement(By.cssSelector("#gate-rows tr[data-shipment='" + shipment + "'][data-verdict=COMPLETE]")));
        assertThat(browser.executeScript("return window.__sameDocument === true")).as("no reload").isEqualTo(true);
        assertThat(complete.getText()).contains("Complete").contains("2 as expected, 0 missing, 0 unexpected");

        browser.navigate().refresh();
        assertThat(browser.findElement(By.cssSelector("#shipment-rows tr[data-shipment='" + shipment + "']")).getText()).contains("Complete");
        assertCleanPage(browser);
        screenshot(browser, "logistics-desk-en");
    }

    @Test
    void aClerkSeesTheDockDeskButNotThePortOrLibraryDesk() throws Exception {
        ensureUser(CLERK, "LOGISTICS");
        ChromeDriver browser = loggedInBrowser(CLERK, USER_PASSWORD, "en");
        assertThat(browser.findElement(By.cssSelector("header.top nav")).getText()).contains("Dock desk")
                .doesNotContain("Port desk").doesNotContain("Library desk");
        for (String page : new String[] {"/customs", "/library"}) {
            browser.get(url(page));
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(page).isEqualTo("Not for your role");
        }
    }

    /** A shipment of two pallets expected at {@link #DOOR} from an hour ago to an hour from now, as the shipper's notice would file it. */
    private String expect(String... ssccs) throws Exception {
        String id = "UI-ASN-" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
        Instant now = Instant.now();
        String body = "{\"id\":\"" + id + "\",\"dockDoor\":\"" + DOOR + "\",\"expectedFrom\":\"" + now.minusSeconds(3600) + "\",\"expectedTo\":\""
                + now.plusSeconds(3600) + "\",\"ssccs\":[\"" + String.join("\",\"", ssccs) + "\"],\"sgtins\":[]}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/logistics/shipments")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return id;
    }
}
