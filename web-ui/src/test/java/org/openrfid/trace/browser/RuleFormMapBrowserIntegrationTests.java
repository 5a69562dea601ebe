package org.openrfid.trace.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKTReader;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleDefinitions;
import org.openrfid.trace.service.location.Locations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rule form's map and sections as an administrator uses them: a category rule's zone drawn on the map is stored
 * as the WGS84 polygon the clicks mean and drawn again when the rule is edited; WKT typed into the field is drawn;
 * a section-speed rule made of two sections is stored with both, one with the same place at both ends is refused
 * next to the field with the rows kept.
 */
class RuleFormMapBrowserIntegrationTests extends ConsoleBrowserTest {

    /**
     * Test-only: records every Leaflet map the page makes and the position each click on it means (Leaflet's own
     * reading of the mouse event), so the test knows what the clicks mean without asking the code under test.
     */
    private static final String RECORD_CLICKS = "(function () { var l; Object.defineProperty(window, 'L', { configurable: true,"
            + " get: function () { return l; }, set: function (v) { l = v; v.Map.addInitHook(function () { window.testClicks = [];"
            + " this.on('click', function (e) { window.testClicks.push([e.latlng.lat, e.latlng.lng]); }); }); } }); })();";

    private static final String FROM = "CQ-CP-001";
    private static final String TO = "CQ-CP-002";
    private static final String THIRD = "CQ-CP-003";

    @Autowired
    RuleDefinitions rules;
    @Autowired
    Locations locations;

    @Test
    void aZoneDrawnOnTheMapIsStoredAsTheClickedWgs84PolygonAndDrawnWhenEdited() throws Exception {
        String ruleId = "zone-" + Long.toString(System.nanoTime(), 36);
        ChromeDriver browser = loggedInBrowser("zh-CN");
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_CLICKS));
        browser.get(url("/admin/rules/new?type=CATEGORY_RESTRICTION"));
        WebElement map = mapReady(browser);
        assertThat(Integer.parseInt(map.getAttribute("data-places"))).as("the known places drawn for orientation").isGreaterThan(40);
        assertThat(browser.findElement(By.id("area-draw")).getText()).isEqualTo("划定区域");
        browser.findElement(By.id("rule-id")).sendKeys(ruleId);
        browser.findElement(By.id("cat-dangerous_goods")).click();

        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", map);
        browser.findElement(By.id("area-draw")).click();
        clickMap(browser, map, -80, -60);
        clickMap(browser, map, 90, -50);
        clickMap(browser, map, 100, 70);
        clickMap(browser, map, 10, 10);
        browser.findElement(By.id("area-undo")).click();
        clickMap(browser, map, -70, 80);
        browser.findElement(By.id("area-finish")).click();
        assertThat(map.getAttribute("data-corners")).isEqualTo("4");
        assertThat(browser.findElement(By.id("area-status")).getText()).isEqualTo("区域：4 个角点。");
        @SuppressWarnings("unchecked")
        List<List<Number>> clicks = (List<List<Number>>) browser.executeScript("return window.testClicks;");
        List<List<Number>> corners = List.of(clicks.get(0), clicks.get(1), clicks.get(2), clicks.get(4));
        String typed = browser.findElement(By.id("rule-area")).getAttribute("value");
        assertThat(typed).startsWith("POLYGON((");
        assertCorners(typed, corners);
        assertCleanPage(browser);
        screenshot(browser, "rule-area-drawn-zh-CN");

        browser.findElement(By.id("rule-submit")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("/admin/rules/" + ruleId));
        RuleDefinition stored = rules.find(ruleId).orElseThrow();
        assertCorners(stored.area(), corners);

        // editing: the stored polygon in the field and drawn on the map, the map fitted to it
        map = mapReady(browser);
        assertCorners(browser.findElement(By.id("rule-area")).getAttribute("value"), corners);
        assertThat(map.getAttribute("data-vertices")).as("the polygon drawn").isEqualTo("4");
        assertCleanPage(browser);
        showMap(browser);
        screenshot(browser, "rule-area-edit-zh-CN");
        rules.delete(ruleId, "test");
    }

    @Test
    void typedWktIsDrawnOnTheMapInEnglish() throws Exception {
        ChromeDriver browser = loggedInBrowser("en");
        browser.get(url("/admin/rules/new?type=CATEGORY_RESTRICTION"));
        WebElement map = mapReady(browser);
        assertThat(browser.findElement(By.id("area-draw")).getText()).isEqualTo("Draw area");
        assertThat(map.getAttribute("data-corners")).isEqualTo("0");
        assertThat(map.getAttribute("data-vertices")).isEqualTo("0");
        browser.findElement(By.id("rule-area")).sendKeys(
                "POLYGON((106.55 29.55, 106.60 29.55, 106.62 29.58, 106.60 29.60, 106.55 29.60, 106.55 29.55))");
        waitFor(browser, Duration.ofSeconds(10), b -> "5".equals(map.getAttribute("data-corners")));
        assertThat(map.getAttribute("data-vertices")).as("the pentagon on the map layer").isEqualTo("5");
        assertThat(browser.findElement(By.id("area-status")).getText()).isEqualTo("Area: 5 corners.");
        assertCleanPage(browser);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", map);
        screenshot(browser, "rule-area-typed-en");
    }

    @Test
    void aSectionRuleIsStoredWithBothSectionsAfterTheSamePlaceTwiceIsRefusedInEnglish() throws Exception {
        String ruleId = "sections-" + Long.toString(System.nanoTime(), 36);
        ChromeDriver browser = loggedInBrowser("en");
        browser.get(url("/admin/rules/new?type=SECTION_SPEED"));
        waitFor(browser, Duration.ofSeconds(20), b -> b.findElement(By.id("section-add")).isDisplayed());
        browser.findElement(By.id("rule-id")).sendKeys(ruleId);
        assertThat(browser.findElements(By.cssSelector(".section-row"))).as("two empty rows").hasSize(2);
        browser.findElement(By.id("section-add")).click();
        assertThat(browser.findElements(By.cssSelector(".section-row"))).hasSize(3);
        browser.findElements(By.cssSelector(".section-remove")).get(2).click();
        assertThat(browser.findElements(By.cssSelector(".section-row"))).hasSize(2);
        pick(browser, 0, FROM, TO);
        pick(browser, 1, THIRD, THIRD);
        browser.findElement(By.id("rule-submit")).click();

        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("p-sections-problem")).isEmpty());
        assertThat(browser.findElement(By.id("p-sections-problem")).getText()).isEqualTo("A section must end at another place than it starts.");
        assertThat(browser.findElement(By.id("p-sections")).getAttribute("aria-describedby")).isEqualTo("p-sections-problem");
        assertThat(new Select(browser.findElement(By.id("section-from-0"))).getFirstSelectedOption().getText())
                .as("rows kept, by place name").isEqualTo(locations.find(FROM).orElseThrow().name());
        assertThat(new Select(browser.findElement(By.id("section-to-1"))).getFirstSelectedOption().getAttribute("value")).isEqualTo(THIRD);
        assertThat(rules.find(ruleId)).isEmpty();
        assertNoMissingMessages(browser);
        screenshot(browser, "rule-sections-refused-en");
        browser.manage().logs().get(LogType.BROWSER).getAll(); // the 400 of the refusal

        pick(browser, 1, TO, THIRD);
        browser.findElement(By.id("rule-submit")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("/admin/rules/" + ruleId));
        RuleDefinition stored = rules.find(ruleId).orElseThrow();
        assertThat(stored.params()).containsEntry("from", List.of(FROM, TO)).containsEntry("to", List.of(TO, THIRD));
        assertThat(new Select(browser.findElement(By.id("section-to-1"))).getFirstSelectedOption().getAttribute("value"))
                .as("shown again on edit").isEqualTo(THIRD);
        assertThat(browser.findElements(By.cssSelector(".section-row"))).as("its two, and two empty").hasSize(4);
        assertCleanPage(browser);
        screenshot(browser, "rule-sections-edit-en");
        rules.delete(ruleId, "test");
    }

    @Test
    void aSectionRuleWithoutASectionIsRefusedInChinese() throws Exception {
        ChromeDriver browser = loggedInBrowser("zh-CN");
        browser.get(url("/admin/rules/new?type=SECTION_SPEED"));
        waitFor(browser, Duration.ofSeconds(20), b -> b.findElement(By.id("section-add")).isDisplayed());
        assertThat(browser.findElement(By.id("section-add")).getText()).isEqualTo("添加区间");
        browser.findElement(By.id("rule-id")).sendKeys("no-sections");
        pick(browser, 0, FROM, "");
        browser.findElement(By.id("rule-submit")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("p-sections-problem")).isEmpty());
        assertThat(browser.findElement(By.id("p-sections-problem")).getText()).isEqualTo("每个区间都需要起点和终点。");
        assertThat(new Select(browser.findElement(By.id("section-from-0"))).getFirstSelectedOption().getAttribute("value")).isEqualTo(FROM);
        assertThat(rules.find("no-sections")).isEmpty();
        assertNoMissingMessages(browser);
        screenshot(browser, "rule-sections-refused-zh-CN");
    }

    private static void pick(ChromeDriver browser, int row, String from, String to) {
        new Select(browser.findElement(By.id("section-from-" + row))).selectByValue(from);
        new Select(browser.findElement(By.id("section-to-" + row))).selectByValue(to);
    }

    /** The WKT polygon's corners are the clicked positions ([lat, lon]) within 1e-6 degrees, closed. */
    private static void assertCorners(String wkt, List<List<Number>> clicks) throws Exception {
        Coordinate[] ring = new WKTReader().read(wkt).getCoordinates();
        assertThat(ring).hasSize(clicks.size() + 1);
        assertThat(ring[0]).isEqualTo(ring[ring.length - 1]);
        for (int i = 0; i < clicks.size(); i++) {
            assertThat(ring[i].y).as("latitude of corner %d", i).isCloseTo(clicks.get(i).get(0).doubleValue(), within(1e-6));
            assertThat(ring[i].x).as("longitude of corner %d", i).isCloseTo(clicks.get(i).get(1).doubleValue(), within(1e-6));
        }
    }

    /** Scrolls the page so the map is in the screenshot. */
    private static void showMap(ChromeDriver browser) {
        browser.executeScript("window.scrollTo(0, document.getElementById('rule-area-map').getBoundingClientRect().top + window.scrollY - 200);");
        waitFor(browser, Duration.ofSeconds(5), b -> ((Number) ((ChromeDriver) b).executeScript("return window.scrollY;")).doubleValue() > 0);
    }

    private static WebElement mapReady(ChromeDriver browser) {
        return waitFor(browser, Duration.ofSeconds(20), b -> {
            WebElement m = b.findElement(By.id("rule-area-map"));
            return "1".equals(m.getAttribute("data-ready")) ? m : null;
        });
    }

    /** A click on the map this many pixels right and down of its centre. */
    private static void clickMap(ChromeDriver browser, WebElement map, int dx, int dy) {
        new Actions(browser).moveToElement(map, dx, dy).click().perform();
    }
}
