package org.openrfid.trace.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertService;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The live map and a place's page as an officer sees them: every registered place drawn, coloured by what
 * passed in the last minutes as the server pushes it; a click lists the latest passages with plates; an alert
 * flashes where it was raised; a librarian's map counts books only; a checkpoint's page in both languages with
 * its lanes, its readers' state and the chart of its day drawn; the WGS84 to GCJ-02 shift the map applies for
 * Chinese base maps agrees with published test vectors.
 */
class MapBrowserIntegrationTests extends ConsoleBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    AlertService alerts;

    @Test
    void chineseMapDrawsEveryTopLevelPlaceAndColoursItByActivity() throws Exception {
        ChromeDriver browser = loggedInBrowser("zh-CN");
        browser.get(url("/map"));
        browser.executeScript("window.__sameDocument = true;");

        waitFor(browser, Duration.ofSeconds(30), b -> "1".equals(mapAttribute(b, "ready")));
        Set<String> drawn = new HashSet<>(markerIds(browser));
        assertThat(drawn).as("one marker per top-level location registered").isEqualTo(topLevelLocationIds());

        waitFor(browser, Duration.ofSeconds(90), b -> activeMarkers(b) > 0);
        assertThat(browser.executeScript("return window.__sameDocument === true")).as("counts arrive without a reload").isEqualTo(true);
        WebElement busy = browser.findElement(By.cssSelector(".map-marker[data-count]:not([data-count='0'])"));
        assertThat(busy.getAttribute("class")).containsPattern("act-[123]");
        assertThat(busy.findElement(By.className("count")).getText()).isEqualTo(busy.getAttribute("data-count"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("实时地图");
        assertThat(browser.findElement(By.id("map-legend")).getText()).contains("图例").contains("无通行").contains("未处理告警");
        assertGcj02ShiftAgreesWithPublishedTestVectors(browser);
        assertCleanPage(browser);
        screenshot(browser, "map-zh-CN");
    }

    @Test
    void englishMapShowsAPlacesLatestPassagesOnAClickAndFlashesANewAlert() throws Exception {
        ChromeDriver browser = loggedInBrowser("en");
        browser.get(url("/map"));
        waitFor(browser, Duration.ofSeconds(90), b -> activeMarkers(b) > 0);
        String id = busiestMarker(browser);

        browser.executeScript("document.querySelector(\".map-marker[data-location='\" + arguments[0] + \"']\").click();", id);
        waitFor(browser, Duration.ofSeconds(30), b -> "1".equals(b.findElement(By.id("map-detail")).getAttribute("data-loaded")));

        WebElement detail = browser.findElement(By.id("map-detail"));
        assertThat(detail.getAttribute("data-location")).isEqualTo(id);
        List<WebElement> rows = detail.findElements(By.cssSelector("tr.passage-row"));
        assertThat(rows).as("the busy place's latest passages").isNotEmpty();
        assertThat(detail.findElement(By.cssSelector("a.open-location")).getAttribute("href")).endsWith("/locations/" + id);
        assertThat(detail.findElement(By.cssSelector("a.open-location")).getText()).isEqualTo("Open the location page");
        assertThat(detail.getText()).contains("passages in the last 5 minutes").doesNotContain("urn:epc:tag:sgtin");
        String vehicle = String.valueOf(browser.executeScript(
                "const r = document.querySelector('#map-detail tr[data-kind=VEHICLE]'); return r ? r.innerText : '';"));
        if (!vehicle.isEmpty()) {
            assertThat(vehicle).as("a vehicle shows its plate").containsPattern("[\\u4e00-\\u9fa5][A-Z]·[A-Z0-9]{5,6}").contains("Vehicle");
        }
        assertThat(browser.findElement(By.cssSelector(".map-marker[data-location='" + id + "']")).getAttribute("class")).contains("selected");
        assertThat(browser.findElement(By.id("map-legend")).getText()).contains("Legend").contains("no passages").contains("or more passages");
        screenshot(browser, "map-en");

        // an alert raised at a lane rings and flashes its checkpoint, and is listed
        waitFor(browser, Duration.ofSeconds(30), b -> "1".equals(mapAttribute(b, "alertsLoaded")));
        String plate = "渝Z·T" + (100 + (int) (Math.random() * 899)) + "M";
        alerts.raise(new AlertCandidate(AlertType.WATCHLIST, "map-browser-test", Severity.HIGH, Instant.now(), "CQ-CP-007-L1",
                ObjectKind.VEHICLE, UUID.randomUUID().toString(), null, plate, "Map test: " + plate + " on the watchlist", Map.of(),
                "map-test-" + UUID.randomUUID()), Duration.ofMinutes(1));

        WebElement marker = browser.findElement(By.cssSelector(".map-marker[data-location='CQ-CP-007']"));
        waitFor(browser, Duration.ofSeconds(20), b -> marker.getAttribute("class").contains("flash"));
        assertThat(marker.getAttribute("class")).as("a lane's alert rings its checkpoint").contains("alerting");
        WebElement listed = waitFor(browser, Duration.ofSeconds(5), b -> b.findElements(By.cssSelector("#map-alert-list li")).stream()
                .filter(li -> li.getText().contains(plate)).findFirst().orElse(null));
        assertThat(listed.getText()).as("the type's name and the place's name, in the page's language")
                .contains("Watchlist hit").contains("Shimen Bridge").doesNotContain("WATCHLIST");
        assertThat(listed.findElement(By.cssSelector("a.alert-type")).getAttribute("href")).contains("/alerts/" + listed.getAttribute("data-alert"));
        assertCleanPage(browser);
        screenshot(browser, "map-alert");
        // the shared demo context keeps its own alerts only
        alerts.close(Long.parseLong(listed.getAttribute("data-alert")), "map-browser-test", "test alert");
    }

    @Test
    void aLibrariansMapCountsLibraryItemsOnly() throws Exception {
        ensureUser("map-librarian", "LIBRARIAN");
        ChromeDriver browser = loggedInBrowser("map-librarian", USER_PASSWORD, "en");
        browser.get(url("/map"));
        Set<String> library = topLevelLocationIds("library");

        waitFor(browser, Duration.ofSeconds(120), b -> activeMarkers(b) > 0);
        @SuppressWarnings("unchecked")
        List<String> active = (List<String>) browser.executeScript(
                "return Array.from(document.querySelectorAll(\".map-marker[data-count]:not([data-count='0'])\")).map(e => e.dataset.location);");
        assertThat(active).as("only the library counts passages a librarian may see").isNotEmpty().allMatch(library::contains);
        assertThat(browser.findElement(By.id("map-legend")).getText()).contains("Counted: Library item").doesNotContain("Vehicle");
        assertCleanPage(browser);
    }

    /**
     * WGS84 to GCJ-02 as basemap.js computes it, against published pairs: the test vectors of googollee/eviltransform
     * (Shanghai, Shenzhen, Beijing: its test.py, also in larryli/eviltransform's PHP tests) and the example of
     * wandergis/coordtransform (test/app.js, wgs84togcj02(116.404, 39.915)); positions outside China stay as they are.
     */
    private static void assertGcj02ShiftAgreesWithPublishedTestVectors(ChromeDriver browser) {
        double[][] vectors = {
                {31.1774276, 121.5272106, 31.17530398364597, 121.531541859215},
                {22.543847, 113.912316, 22.540796131694766, 113.9171764808363},
                {39.911954, 116.377817, 39.91334545536069, 116.38404722455657},
                {39.915, 116.404, 39.91640428150164, 116.41024449916938},
                {51.5007, -0.1246, 51.5007, -0.1246},
                {35.6586, 139.7454, 35.6586, 139.7454},
        };
        for (double[] v : vectors) {
            @SuppressWarnings("unchecked")
            List<Number> gcj = (List<Number>) browser.executeScript("return rfidMap.wgs84ToGcj02(arguments[0], arguments[1]);", v[0], v[1]);
            assertThat(gcj.get(0).doubleValue()).as("lat of %s, %s", v[0], v[1]).isCloseTo(v[2], within(1e-9));
            assertThat(gcj.get(1).doubleValue()).as("lon of %s, %s", v[0], v[1]).isCloseTo(v[3], within(1e-9));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> projected = (Map<String, Object>) browser.executeScript(
                "return rfidMap.projectGeoJson({type: 'Point', coordinates: [106.594, 29.588]}, rfidMap.projector('GCJ02'));");
        @SuppressWarnings("unchecked")
        List<Number> lonLat = (List<Number>) projected.get("coordinates");
        assertThat(lonLat.get(0).doubleValue()).as("GeoJSON keeps [lon, lat]").isBetween(106.597, 106.600);
        assertThat(lonLat.get(1).doubleValue()).isBetween(29.584, 29.587);
        assertThat(browser.executeScript("return rfidMap.projector('WGS84')(29.588, 106.594);")).isEqualTo(List.of(29.588, 106.594));
    }

    @Test
    void aCheckpointsPageInChineseHasItsLanesReadersPassagesAndChart() throws Exception {
        ChromeDriver browser = loggedInBrowser("zh-CN");
        browser.get(url("/locations/CQ-CP-001"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("朝天门长江大桥 Chaotianmen Bridge");
        assertThat(browser.findElement(By.cssSelector(".location-kind")).getText()).isEqualTo("卡口");
        assertThat(browser.findElements(By.cssSelector("#location-children li[data-child^='CQ-CP-001-L']"))).hasSizeGreaterThan(1);
        assertReadersAndChart(browser);
        assertThat(browser.findElement(By.id("location-readers")).getText()).contains("读写器").contains("已连接");
        assertThat(browser.findElement(By.cssSelector("#location-chart-total")).getText()).contains("最近 24 小时共通行");
        assertCleanPage(browser);
        screenshot(browser, "location-zh-CN");
    }

    @Test
    void aCheckpointsPageInEnglishItsLanesPageAndAnUnknownPlace() throws Exception {
        ChromeDriver browser = loggedInBrowser("en");
        browser.get(url("/locations/CQ-CP-001"));

        assertThat(browser.findElement(By.cssSelector(".location-kind")).getText()).isEqualTo("Checkpoint");
        assertReadersAndChart(browser);
        assertThat(browser.getPageSource()).contains("Latest passages").contains("Passages per hour in the last 24 hours");
        assertCleanPage(browser);
        screenshot(browser, "location-en");

        browser.findElement(By.cssSelector("#location-children li a")).click();
        waitFor(browser, Duration.ofSeconds(10), b -> b.getCurrentUrl().contains("/locations/CQ-CP-001-L"));
        assertThat(browser.findElement(By.cssSelector(".location-kind")).getText()).isEqualTo("Lane");
        assertThat(browser.findElement(By.id("location-parent")).getText()).isEqualTo("朝天门长江大桥 Chaotianmen Bridge");
        waitFor(browser, Duration.ofSeconds(30), b -> "1".equals(b.findElement(By.id("location-map")).getAttribute("data-ready")));
        assertCleanPage(browser);

        // an unknown id is the 404 page
        browser.get(url("/locations/NO-SUCH-PLACE"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.getPageSource()).contains("NO-SUCH-PLACE");
        assertNoMissingMessages(browser);
        assertOnlyLocalRequests(browser);
    }

    private void assertReadersAndChart(ChromeDriver browser) {
        List<WebElement> readers = browser.findElements(By.cssSelector("#location-readers tr.reader-row"));
        assertThat(readers).as("the simulated reader of the checkpoint").isNotEmpty();
        assertThat(readers).anySatisfy(r -> assertThat(r.getAttribute("data-state")).isEqualTo("CONNECTED"));
        assertThat(browser.findElements(By.cssSelector("#location-passages tr.passage-row"))).isNotEmpty();

        waitFor(browser, Duration.ofSeconds(30), b -> "1".equals(b.findElement(By.id("location-chart")).getAttribute("data-drawn")));
        assertThat(Integer.parseInt(browser.findElement(By.id("location-chart")).getAttribute("data-series"))).isPositive();
        Object painted = browser.executeScript("const c = document.getElementById('location-chart');"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } } return n;");
        assertThat(((Number) painted).longValue()).as("pixels drawn on the chart's canvas").isGreaterThan(1000);
        waitFor(browser, Duration.ofSeconds(30), b -> "1".equals(b.findElement(By.id("location-map")).getAttribute("data-ready")));
    }

    private static String mapAttribute(org.openqa.selenium.WebDriver browser, String name) {
        return browser.findElement(By.id("live-map")).getDomAttribute("data-" + name.replaceAll("([A-Z])", "-$1").toLowerCase());
    }

    @SuppressWarnings("unchecked")
    private static List<String> markerIds(ChromeDriver browser) {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll('.map-marker')).map(e => e.dataset.location);");
    }

    private static long activeMarkers(org.openqa.selenium.WebDriver browser) {
        return ((Number) ((ChromeDriver) browser).executeScript(
                "return document.querySelectorAll(\".map-marker[data-count]:not([data-count='0'])\").length;")).longValue();
    }

    private static String busiestMarker(ChromeDriver browser) {
        return String.valueOf(browser.executeScript("let best = null, n = -1;"
                + " document.querySelectorAll('.map-marker[data-count]').forEach(e => { const c = Number(e.dataset.count);"
                + " if (c > n) { n = c; best = e.dataset.location; } }); return best;"));
    }

    private Set<String> topLevelLocationIds() throws Exception {
        return topLevelLocationIds(null);
    }

    /** Top-level locations as the locations API lists them (of this kind when given). */
    private Set<String> topLevelLocationIds(String kind) throws Exception {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            String path = "/api/v1/locations?limit=1000" + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(r.body());
            List<JsonNode> items = new ArrayList<>();
            page.get("items").forEach(items::add);
            for (JsonNode l : items) {
                boolean top = !l.hasNonNull("parent") || l.get("parent").asText().isEmpty();
                if (top && (kind == null || kind.equals(l.get("kind").asText()))) {
                    ids.add(l.get("id").asText());
                }
            }
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return ids;
    }
}
