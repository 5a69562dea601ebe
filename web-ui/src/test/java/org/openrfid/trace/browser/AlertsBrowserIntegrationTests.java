package org.openrfid.trace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openrfid.trace.service.alert.Alert;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertService;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Alerts;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rules.Sighting;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The alert inbox and an alert's page as officers use them: the demo's alerts listed with plates and
 * place names in both languages; an impossible trip drawn on the map with its distance and speed; a
 * new high alert in the banner of the dashboard, ringing, with its link; acknowledging in one browser
 * shows on another's alert page and inbox without a reload.
 *
 * <p>The demo raises its first impossible trip only after about four minutes, so the travel alert here
 * is raised through {@link AlertService} like the rule raises it, with the rule's own evidence shape
 * ({@link Sighting#evidence()}, the same keys), for the vehicle of the demo's first watchlist alert.
 */
class AlertsBrowserIntegrationTests extends ConsoleBrowserTest {

    @Autowired
    Alerts alerts;
    @Autowired
    AlertService service;
    @Autowired
    Locations locations;

    @Test
    void theInboxListsTheDemoAlertsWithPlatesAndPlaceNamesInBothLanguages() throws Exception {
        firstWatchlistAlert();
        ChromeDriver browser = loggedInBrowser("zh-CN");
        browser.get(url("/alerts"));

        String zh = browser.findElement(By.id("alert-rows")).getText();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("告警");
        assertThat(zh).as("type, plate and place as a person reads them").contains("布控命中", "渝A·Q8162", "黄花园大桥")
                .doesNotContain("CQ-CP-").doesNotContain("WATCHLIST");
        assertThat(browser.findElement(By.cssSelector("label[for=f-status]")).getText()).isEqualTo("状态");
        assertCleanPage(browser);
        screenshot(browser, "alerts-zh-CN");

        browser.get(url("/alerts?lang=en&type=WATCHLIST"));
        List<String> types = browser.findElements(By.cssSelector("#alert-rows tr.alert-row")).stream()
                .map(r -> r.getAttribute("data-type")).distinct().toList();
        assertThat(types).containsExactly("WATCHLIST");
        assertThat(browser.findElement(By.id("alert-rows")).getText()).contains("Watchlist hit", "渝A·Q8162", "Huanghuayuan Bridge", "Open");
        assertCleanPage(browser);

        ensureUser("librarian1", "LIBRARIAN");
        ChromeDriver librarian = loggedInBrowser("librarian1", USER_PASSWORD, "en");
        librarian.get(url("/alerts"));
        assertThat(librarian.findElements(By.cssSelector("#alert-rows tr[data-kind=VEHICLE]"))).isEmpty();
        assertThat(librarian.findElement(By.id("f-kind")).getText()).doesNotContain("Vehicle");
        assertThat(librarian.findElement(By.id("alert-rows")).getText()).doesNotContain("渝A·Q8162");
        assertCleanPage(librarian);
    }

    @Test
    void aTravelAlertRingsOnTheDashboardShowsOnTheMapAndItsAcknowledgementReachesASecondBrowserLive() throws Exception {
        Alert watched = firstWatchlistAlert();
        ChromeDriver officerA = loggedInBrowser("zh-CN");
        ChromeDriver officerB = loggedInBrowser("en");
        officerA.executeScript("window.__beeps = 0; rfidConsole.beep = function () { window.__beeps++; };");
        waitFor(officerA, Duration.ofSeconds(10), b -> b.findElements(By.cssSelector("#alert-banner .banner-items")).size() == 1);
        officerB.get(url("/alerts"));

        long id = raiseImpossibleTravel(watched);

        // A: on the dashboard, the banner shows it, rings, and links to it
        String bannerText = waitFor(officerA, Duration.ofSeconds(20), b -> {
            var item = b.findElements(By.cssSelector("#alert-banner .banner-item[data-alert='" + id + "']"));
            return item.isEmpty() || !item.get(0).isDisplayed() ? null : item.get(0).getText();
        });
        assertThat(bannerText).contains("不可能行程", "渝A·Q8162", "真武山隧道");
        assertThat(officerA.executeScript("return window.__beeps")).isEqualTo(1L);
        assertCleanPage(officerA);
        screenshot(officerA, "alert-banner-zh-CN");
        // B: the inbox got the new row without a reload
        officerB.executeScript("window.__sameDocument = true;");
        waitFor(officerB, Duration.ofSeconds(20), b -> !b.findElements(By.id("alert-row-" + id)).isEmpty());
        assertThat(officerB.findElement(By.id("alert-row-" + id)).getText()).contains("Impossible travel", "Open");

        officerA.findElement(By.cssSelector("#alert-banner .banner-item[data-alert='" + id + "'] a")).click();
        waitFor(officerA, Duration.ofSeconds(20), b -> "2".equals(b.findElement(By.id("alert-map")).getAttribute("data-drawn")));
        assertThat(officerA.getCurrentUrl()).endsWith("/alerts/" + id);
        assertThat(officerA.findElements(By.cssSelector("#alert-map .alert-marker"))).hasSize(2);
        assertThat(officerA.findElements(By.cssSelector("#alert-map path.leaflet-interactive[stroke='#b00020']"))).hasSize(1);
        String facts = officerA.findElement(By.id("alert-facts")).getText();
        assertThat(facts).contains("东水门长江大桥", "真武山隧道", "4.2 公里", "504 公里/小时", "30 秒");
        assertThat(officerA.findElement(By.cssSelector("#alert-map .route-tooltip")).getText()).contains("4.2 公里", "504 公里/小时");
        assertCleanPage(officerA);
        screenshot(officerA, "alert-detail-zh-CN");

        // B opens the same alert in a second tab, keeping the inbox open in the first
        String inbox = officerB.getWindowHandle();
        officerB.switchTo().newWindow(WindowType.TAB);
        officerB.get(url("/alerts/" + id));
        waitFor(officerB, Duration.ofSeconds(20), b -> "2".equals(b.findElement(By.id("alert-map")).getAttribute("data-drawn")));
        assertThat(officerB.findElement(By.id("alert-facts")).getText()).contains("4.2 km", "504 km/h", "Dongshuimen Bridge");
        assertCleanPage(officerB);
        screenshot(officerB, "alert-detail-en");
        officerB.executeScript("window.__sameDocument = true;");

        officerA.findElement(By.id("ack-comment")).sendKeys("巡逻7组前往真武山隧道");
        officerA.findElement(By.id("acknowledge")).click();
        waitFor(officerA, Duration.ofSeconds(10), b -> "ACKNOWLEDGED".equals(b.findElement(By.id("alert-status")).getAttribute("data-status")));
        assertThat(officerA.findElement(By.id("alert-history")).getText()).contains("巡逻7组前往真武山隧道", "admin");
        officerA.executeScript("document.getElementById('alert-state').scrollIntoView();");
        screenshot(officerA, "alert-acknowledged-zh-CN");

        waitFor(officerB, Duration.ofSeconds(20), b -> "ACKNOWLEDGED".equals(b.findElement(By.id("alert-status")).getAttribute("data-status")));
        assertThat(officerB.findElement(By.id("alert-history")).getText()).contains("Acknowledged", "巡逻7组前往真武山隧道");
        assertThat(officerB.findElements(By.id("acknowledge"))).as("nothing left to acknowledge").isEmpty();
        assertThat(officerB.executeScript("return window.__sameDocument === true")).as("no reload").isEqualTo(true);
        officerB.switchTo().window(inbox);
        waitFor(officerB, Duration.ofSeconds(20), b -> "ACKNOWLEDGED".equals(b.findElement(By.id("alert-row-" + id)).getAttribute("data-status")));
        assertThat(officerB.findElement(By.id("alert-row-" + id)).getText()).contains("Acknowledged");
        assertThat(officerB.executeScript("return window.__sameDocument === true")).as("no reload").isEqualTo(true);
        assertCleanPage(officerB);
        assertThat(alerts.find(id).orElseThrow().history()).extracting(Alert.Change::comment).contains("巡逻7组前往真武山隧道");
    }

    /** The demo's stolen vehicle, listed about 15 s after the start. */
    private Alert firstWatchlistAlert() {
        return org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> alerts.page(new Alerts.Filter(null, AlertType.WATCHLIST, null, null, null, null, null, null, 0, 50)).stream()
                        .filter(a -> "渝A·Q8162".equals(a.plate())).findFirst().orElse(null), a -> a != null);
    }

    /** As ImpossibleTravelRule raises it: 4.2 km in 30 s is 504 km/h, beyond 180. */
    private long raiseImpossibleTravel(Alert about) {
        Instant now = Instant.now();
        Location from = locations.find("CQ-CP-003").orElseThrow();
        Location to = locations.find("CQ-CP-019").orElseThrow();
        Sighting first = new Sighting("p-test-1", from.id(), from.name(), from.lat(), from.lon(), "rdr-CQ-CP-003/1",
                now.minusSeconds(32), now.minusSeconds(30));
        Sighting second = new Sighting("p-test-2", to.id(), to.name(), to.lat(), to.lon(), "rdr-CQ-CP-019/1", now, now.plusSeconds(1));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("first", first.evidence());
        evidence.put("second", second.evidence());
        evidence.put("distanceM", 4200L);
        evidence.put("distanceMeasured", "4.2 km by road");
        evidence.put("seconds", 30.0);
        evidence.put("impliedSpeedKmh", 504L);
        evidence.put("topSpeedKmh", 180.0);
        return service.raise(new AlertCandidate(AlertType.CLONE_IMPOSSIBLE_TRAVEL, "browser-test-clone", Severity.HIGH, now, to.id(),
                about.objectKind(), about.objectId(), about.epc(), about.plate(), "The tag of " + about.plate() + " was at two places at once",
                evidence, "browser-test:" + now), Duration.ZERO).orElseThrow().alert().id();
    }
}
