package org.openrfid.trace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openrfid.trace.service.audit.AuditFilter;
import org.openrfid.trace.service.audit.AuditRecord;
import org.openrfid.trace.service.audit.AuditTrail;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /admin/locations} as an administrator uses it: a warehouse yard drawn on the map corner by corner is
 * stored as an area, listed, drawn, and offered at once in the readers page's place select; a two-corner "area"
 * is refused next to the field with nothing stored; a place a reader antenna still points at is not removed;
 * a traffic officer is refused the page.
 */
class AdminLocationsBrowserIntegrationTests extends ConsoleBrowserTest {

    @Autowired
    Locations locations;
    @Autowired
    AuditTrail audit;
    @Autowired
    ReaderConnections readers;

    @Test
    void aYardDrawnOnTheChineseMapIsStoredListedDrawnAndOfferedToReaders() throws Exception {
        ChromeDriver browser = loggedInBrowser("zh-CN");
        browser.get(url("/admin/locations"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("地点");
        assertThat(browser.findElements(By.cssSelector("header.top a[href$='/admin/locations']"))).as("in the admin menu").hasSize(1);
        WebElement map = mapReady(browser);
        assertThat(Integer.parseInt(map.getAttribute("data-places"))).as("the demo's places drawn").isGreaterThan(40);
        assertThat(browser.findElement(By.cssSelector("#location-rows tr[data-id='CQ-LOG-HUB-D01']")).getText())
                .as("a dock door with its kind and the name of its site").contains("月台门").doesNotContain("dock_door");
        assertCleanPage(browser);
        screenshot(browser, "admin-locations-zh-CN");

        fill(browser, "loc-name", "测试堆场 Browser yard");
        fill(browser, "loc-id", "BROWSER-YARD-1");
        new Select(browser.findElement(By.id("loc-kind"))).selectByValue("warehouse");
        fill(browser, "loc-lanes", "2");
        browser.findElement(By.id("draw-area")).click();
        clickMap(browser, map, -60, -40);
        clickMap(browser, map, 60, -40);
        clickMap(browser, map, 70, 50);
        clickMap(browser, map, -50, 45);
        assertThat(map.getAttribute("data-corners")).isEqualTo("4");
        assertThat(browser.findElement(By.id("draw-status")).getText()).isEqualTo("区域：4 个角点。");
        browser.findElement(By.id("draw-undo")).click();
        clickMap(browser, map, -50, 45);
        browser.findElement(By.id("draw-finish")).click();
        assertThat(browser.findElement(By.id("loc-area")).getAttribute("value")).startsWith("{\"type\":\"Polygon\"");
        assertThat(browser.findElement(By.id("loc-lat")).getAttribute("value")).as("an area, not a point").isEmpty();
        screenshot(browser, "admin-locations-drawn-zh-CN");
        browser.findElement(By.id("location-submit")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("done=created"));

        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("已添加地点 测试堆场 Browser yard。");
        assertThat(browser.findElement(By.cssSelector("#location-rows tr[data-id='BROWSER-YARD-1']")).getText())
                .contains("测试堆场 Browser yard").contains("仓库").contains("区域，4 个角点");
        assertThat(browser.findElement(By.cssSelector("#location-rows tr[data-id='BROWSER-YARD-1-L2']")).getText())
                .as("its lanes, under it").contains("车道").contains("测试堆场 Browser yard");
        map = mapReady(browser);
        assertThat(List.of(map.getAttribute("data-areas").split(","))).as("drawn on the map at once").contains("BROWSER-YARD-1");
        Location yard = locations.find("BROWSER-YARD-1").orElseThrow();
        assertThat(yard.isArea()).isTrue();
        assertThat(yard.shape().getNumPoints()).as("4 corners and the closing one").isEqualTo(5);
        assertThat(yard.shape().contains(new org.locationtech.jts.geom.GeometryFactory()
                .createPoint(new org.locationtech.jts.geom.Coordinate(yard.lon(), yard.lat())))).isTrue();
        assertThat(locations.find("BROWSER-YARD-1-L1")).map(Location::parent).contains("BROWSER-YARD-1");
        assertThat(audited("LOCATION_CREATED")).anyMatch(r -> r.subject().contains("BROWSER-YARD-1") && r.username().equals("admin"));
        assertCleanPage(browser);
        screenshot(browser, "admin-locations-added-zh-CN");

        // the readers page offers it at once, by name
        browser.get(url("/readers"));
        Select place = new Select(browser.findElement(By.id("nr-location-0")));
        assertThat(place.getOptions()).anyMatch(o -> "BROWSER-YARD-1".equals(o.getAttribute("value")) && o.getText().equals("测试堆场 Browser yard"));

        // editing shows its corners, ready to change
        browser.get(url("/admin/locations/BROWSER-YARD-1/edit"));
        map = mapReady(browser);
        assertThat(map.getAttribute("data-corners")).isEqualTo("4");
        assertThat(browser.findElement(By.id("loc-id")).getAttribute("readonly")).isNotNull();
        assertCleanPage(browser);
        screenshot(browser, "admin-locations-edit-zh-CN");
    }

    @Test
    void aTwoCornerAreaAndAPlaceWithoutNameAreRefusedNextToTheFieldsInEnglish() throws Exception {
        ChromeDriver browser = loggedInBrowser("en");
        browser.get(url("/admin/locations"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Places");
        WebElement map = mapReady(browser);
        assertCleanPage(browser);
        screenshot(browser, "admin-locations-en");
        int before = locations.all().size();

        fill(browser, "loc-name", "Two corners");
        browser.findElement(By.id("draw-area")).click();
        clickMap(browser, map, -40, 0);
        clickMap(browser, map, 40, 10);
        browser.findElement(By.id("draw-finish")).click();
        browser.findElement(By.id("location-submit")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("loc-area-problem")).isEmpty());
        assertThat(browser.findElement(By.id("loc-area-problem")).getText()).isEqualTo("An area needs at least 3 corners.");
        assertThat(browser.findElement(By.id("loc-name")).getAttribute("value")).as("the form kept").isEqualTo("Two corners");
        assertThat(locations.find("TWO-CORNERS")).as("nothing written").isEmpty();
        assertThat(locations.all()).hasSize(before);
        assertThat(mapReady(browser).getAttribute("data-corners")).as("the two corners shown again to go on drawing").isEqualTo("2");
        assertNoMissingMessages(browser);
        screenshot(browser, "admin-locations-refused-en");
        browser.manage().logs().get(LogType.BROWSER).getAll(); // the 400 of the refusal

        // typed instead: no name, a latitude off the globe
        browser.findElement(By.id("draw-clear")).click();
        fill(browser, "loc-name", "");
        fill(browser, "loc-lat", "95");
        fill(browser, "loc-lon", "106.5");
        browser.findElement(By.id("location-submit")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("loc-lat-problem")).isEmpty());
        assertThat(browser.findElement(By.id("loc-name-problem")).getText()).isEqualTo("Give the place a name.");
        assertThat(browser.findElement(By.id("loc-lat-problem")).getText()).isEqualTo("A latitude from -90 to 90 degrees.");
        assertThat(browser.findElements(By.id("loc-lon-problem"))).isEmpty();
        assertThat(locations.all()).hasSize(before);
        browser.manage().logs().get(LogType.BROWSER).getAll();

        // a place a reader antenna points at stays, and the page says why
        String held = readers.all().stream().flatMap(r -> r.antennas().stream()).map(a -> a.location()).findFirst().orElseThrow();
        browser.get(url("/admin/locations/" + held + "/edit?confirm=remove"));
        browser.findElement(By.id("remove-location-confirm")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("remove-refused")).isEmpty());
        assertThat(browser.findElement(By.id("remove-refused")).getText()).contains("cannot be removed").contains("Reader antennas are mapped to it");
        assertThat(locations.find(held)).isPresent();
        assertThat(audited("LOCATION_REMOVED")).anyMatch(r -> r.subject().contains(held) && r.subject().contains("refused"));
        browser.manage().logs().get(LogType.BROWSER).getAll();
    }

    @Test
    void aPlaceNothingRefersToIsRemovedWithItsLanesAfterConfirming() throws Exception {
        locations.save(List.of(new Location("BROWSER-GONE", "Soon gone", "checkpoint", 29.55, 106.55, null),
                new Location("BROWSER-GONE-L1", "Soon gone lane 1", "lane", 29.55, 106.55, "BROWSER-GONE")));
        ChromeDriver browser = loggedInBrowser("en");
        browser.get(url("/admin/locations/BROWSER-GONE/edit"));
        browser.findElement(By.id("location-remove")).click();
        browser.findElement(By.id("remove-location-confirm")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("done=removed"));
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("Place BROWSER-GONE removed.");
        assertThat(locations.find("BROWSER-GONE")).isEmpty();
        assertThat(locations.find("BROWSER-GONE-L1")).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#location-rows tr[data-id^='BROWSER-GONE']"))).isEmpty();
        assertThat(audited("LOCATION_REMOVED")).anyMatch(r -> r.subject().contains("BROWSER-GONE") && r.outcome().name().equals("OK"));
    }

    @Test
    void aTrafficOfficerIsRefusedThePage() throws Exception {
        ensureUser("places.traffic", "TRAFFIC");
        ChromeDriver browser = loggedInBrowser("places.traffic", USER_PASSWORD, "en");
        assertThat(browser.findElements(By.cssSelector("header.top a[href$='/admin/locations']"))).as("not in the menu").isEmpty();
        browser.get(url("/admin/locations"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).as("the console's 403 page").isEqualTo("Not for your role");
        assertThat(browser.findElements(By.id("location-form"))).isEmpty();
        browser.manage().logs().get(LogType.BROWSER).getAll();
    }

    private List<AuditRecord> audited(String action) {
        return audit.page(new AuditFilter(null, null, action, null, null), null, 50);
    }

    private static WebElement mapReady(ChromeDriver browser) {
        return waitFor(browser, Duration.ofSeconds(20), b -> {
            WebElement m = b.findElement(By.id("admin-locations-map"));
            return "1".equals(m.getAttribute("data-ready")) ? m : null;
        });
    }

    /** A click on the map this many pixels right and down of its centre. */
    private static void clickMap(ChromeDriver browser, WebElement map, int dx, int dy) {
        new Actions(browser).moveToElement(map, dx, dy).click().perform();
    }
}
