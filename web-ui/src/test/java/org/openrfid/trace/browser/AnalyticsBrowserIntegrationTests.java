package org.openrfid.trace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.passage.PassageStore;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The analytics page as an analyst uses it on the demo city: the origin-destination heat map and the travel-time
 * histogram draw the figures the REST analytics give for the same question (cell by cell, bar by bar), the CSV
 * downloads hold the same figures, flows stack by kind, dwell is per named place, companions of a vehicle need a
 * purpose; both languages; no missing message, no console error; an auditor is refused the page.
 */
class AnalyticsBrowserIntegrationTests extends ConsoleBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    PassageStore passages;
    @Autowired
    TagBindings bindings;
    @Autowired
    Vehicles vehicles;
    /** The demo plays live from the context's start: wait until vehicles have made trips between places. */
    private static final Duration TRAFFIC = Duration.ofMinutes(12);

    @Test
    void chineseOriginDestinationHeatMapDrawsTheTripsOfTheDemo() throws Exception {
        Instant end = awaitTrips();
        ChromeDriver browser = loggedInBrowser("zh-CN");
        browser.get(url("/analytics?chart=od-matrix&end=" + end));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("交通统计分析");
        assertThat(browser.findElement(By.cssSelector("nav.tabs a[aria-current=page]")).getText()).isEqualTo("起讫点（OD）");
        JsonNode od = rest("/api/v1/analytics/od-matrix?level=checkpoint&tripGap=PT30M&from=" + from(browser) + "&to=" + to(browser));
        assertThat(od.get("rows").size()).as("the demo made trips").isPositive();

        Map<String, WebElement> cells = new HashMap<>();
        for (WebElement g : browser.findElements(By.cssSelector("#od-svg g.od-cell"))) {
            cells.put(g.getAttribute("data-origin") + ">" + g.getAttribute("data-destination"), g);
        }
        int nonZero = 0;
        for (WebElement g : cells.values()) {
            nonZero += Long.parseLong(g.getAttribute("data-trips")) > 0 ? 1 : 0;
        }
        assertThat(nonZero).as("one coloured cell per origin-destination pair of the API").isEqualTo(od.get("rows").size());
        for (JsonNode row : od.get("rows")) {
            WebElement cell = cells.get(row.get("origin").asText() + ">" + row.get("destination").asText());
            assertThat(cell).as("cell %s → %s", row.get("origin"), row.get("destination")).isNotNull();
            assertThat(cell.getAttribute("data-trips")).isEqualTo(row.get("trips").asText());
            assertThat(cell.findElement(By.tagName("text")).getText()).as("the number is written in the cell").isEqualTo(row.get("trips").asText());
            assertThat(cell.findElement(By.tagName("rect")).getAttribute("fill")).isNotEqualTo("#ffffff");
        }
        JsonNode busiest = od.get("rows").get(0);
        String title = String.valueOf(browser.executeScript("return arguments[0].querySelector('title').textContent;",
                cells.get(busiest.get("origin").asText() + ">" + busiest.get("destination").asText())));
        assertThat(title).as("names, not ids, in the cell's title").contains("→").contains("次行程").doesNotContain("CQ-");
        List<String> rowLabels = browser.findElements(By.cssSelector("#od-svg text.od-row-label")).stream().map(WebElement::getText).toList();
        assertThat(rowLabels).as("location names on the axes").isNotEmpty().noneMatch(l -> l.startsWith("CQ-")).anyMatch(l -> l.matches(".*[\\u4e00-\\u9fa5].*"));
        assertThat(browser.findElement(By.id("od-summary")).getText()).contains(od.get("trips").asText() + " 次行程");

        // the CSV holds the same trips
        String csv = download(browser);
        long csvTrips = 0;
        List<String> lines = csv.lines().toList();
        // (the byte order mark the file starts with is read away by fetch's text())
        assertThat(lines.get(0)).isEqualTo("origin_id,origin_name,destination_id,destination_name,trips");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            csvTrips += Long.parseLong(f[f.length - 1]);
        }
        assertThat(lines).hasSize(od.get("rows").size() + 1);
        assertThat(csvTrips).isEqualTo(sum(od.get("rows"), "trips"));
        assertThat(clickPng(browser)).as("a PNG of the heat map").isGreaterThan(1000);
        assertCleanPage(browser);
        screenshot(browser, "analytics-od-zh-CN");
    }

    @Test
    void englishTravelTimeHistogramMarksItsPercentilesAndDownloadsItsBins() throws Exception {
        Instant end = awaitTrips();
        ChromeDriver browser = loggedInBrowser("en");
        browser.get(url("/analytics?chart=travel-times&end=" + end));

        String a = selected(browser, "f-a");
        String b = selected(browser, "f-b");
        assertThat(a).isNotEqualTo(b);
        JsonNode travel = rest("/api/v1/analytics/travel-times?level=checkpoint&maxGap=PT2H&a=" + a + "&b=" + b + "&from=" + from(browser)
                + "&to=" + to(browser)).get("times");
        long count = travel.get("count").asLong();
        assertThat(count).as("the busiest pair has journeys").isPositive();

        WebElement canvas = waitFor(browser, Duration.ofSeconds(20), d -> {
            WebElement c = d.findElement(By.id("travel-times-chart"));
            return "1".equals(c.getAttribute("data-drawn")) ? c : null;
        });
        @SuppressWarnings("unchecked")
        List<Number> bars = (List<Number>) browser.executeScript("return Chart.getChart(arguments[0]).data.datasets[0].data;", canvas);
        assertThat(bars.stream().mapToLong(Number::longValue).sum()).as("every journey in a bar").isEqualTo(count);
        assertThat(bars.stream().filter(n -> n.longValue() > 0).count()).isPositive();
        assertThat(browser.findElement(By.id("travel-summary")).getText()).endsWith(": " + count + " journeys").doesNotContain("CQ-");
        assertThat(browser.findElement(By.id("travel-p50")).getText()).isEqualTo(clock(travel.get("p50Seconds").asDouble()));
        assertThat(browser.findElement(By.id("travel-p90")).getText()).isEqualTo(clock(travel.get("p90Seconds").asDouble()));
        String p99 = browser.findElement(By.id("travel-p99")).getText();
        assertThat(seconds(p99)).as("p99 between p90 and the slowest")
                .isBetween(Math.round(travel.get("p90Seconds").asDouble()) - 1, Math.round(travel.get("maxSeconds").asDouble()) + 1);
        assertThat(canvas.getAttribute("data-marks")).as("the percentiles drawn on the chart").isEqualTo("p50,p90,p99");
        assertThat(browser.getPageSource()).contains("Travel time (minutes:seconds)").contains("Journeys");

        String csv = download(browser);
        List<String> lines = csv.lines().toList();
        long csvCount = 0;
        for (String line : lines.subList(1, lines.size() - 1)) {
            String[] f = line.split(",");
            csvCount += Long.parseLong(f[f.length - 1]);
        }
        assertThat(csvCount).as("the CSV's bins hold every journey").isEqualTo(count);
        assertThat(lines.get(lines.size() - 1)).startsWith("# count," + count + ",p50_seconds,");
        assertThat(clickPng(browser)).as("a PNG of the histogram").isGreaterThan(1000);
        assertCleanPage(browser);
        screenshot(browser, "analytics-travel-en");
    }

    @Test
    void flowsStackByKindAndDwellIsPerNamedPlaceInBothLanguages() throws Exception {
        Instant end = awaitTrips();
        ChromeDriver browser = loggedInBrowser("zh-CN");
        // a period that has ended: the page and the API count the same stored passages
        browser.get(url("/analytics?chart=flows&period=PT6H&interval=PT15M&end=" + end));

        WebElement canvas = waitFor(browser, Duration.ofSeconds(20), d -> {
            WebElement c = d.findElement(By.id("flows-chart"));
            return "1".equals(c.getAttribute("data-drawn")) ? c : null;
        });
        JsonNode flows = rest("/api/v1/analytics/flows?level=checkpoint&interval=PT15M&from=" + from(browser) + "&to=" + to(browser));
        long total = sum(flows.get("rows"), "passages");
        assertThat(total).isPositive();
        Number drawn = (Number) browser.executeScript(
                "return Chart.getChart(arguments[0]).data.datasets.reduce((s, d) => s + d.data.reduce((a, b) => a + b, 0), 0);", canvas);
        assertThat(drawn.longValue()).as("every passage in a bar").isEqualTo(total);
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) browser.executeScript("return Chart.getChart(arguments[0]).data.datasets.map(d => d.label);", canvas);
        assertThat(labels).as("series by kind, in Chinese").contains("车辆");
        assertThat(browser.findElement(By.id("flows-total")).getText()).contains(String.valueOf(total));
        assertThat(download(browser)).startsWith("interval_start_utc,");
        assertCleanPage(browser);
        screenshot(browser, "analytics-flows-zh-CN");

        // one place chosen: its series are named
        browser.get(url("/analytics?chart=flows&period=PT6H&interval=PT1H&location=CQ-CP-001&lang=en&end=" + end));
        WebElement one = waitFor(browser, Duration.ofSeconds(20), d -> {
            WebElement c = d.findElement(By.id("flows-chart"));
            return "1".equals(c.getAttribute("data-drawn")) ? c : null;
        });
        @SuppressWarnings("unchecked")
        List<String> named = (List<String>) browser.executeScript("return Chart.getChart(arguments[0]).data.datasets.map(d => d.label);", one);
        assertThat(named).isNotEmpty().allMatch(l -> l.startsWith("朝天门长江大桥 Chaotianmen Bridge · "));
        assertCleanPage(browser);

        browser.get(url("/analytics?chart=dwell&end=" + end));
        WebElement dwell = waitFor(browser, Duration.ofSeconds(20), d -> {
            WebElement c = d.findElement(By.id("dwell-chart"));
            return "1".equals(c.getAttribute("data-drawn")) ? c : null;
        });
        @SuppressWarnings("unchecked")
        List<String> places = (List<String>) browser.executeScript("return Chart.getChart(arguments[0]).data.labels;", dwell);
        assertThat(places).isNotEmpty().noneMatch(p -> p.startsWith("CQ-"));
        String csv = download(browser);
        assertThat(csv.lines().count()).as("a CSV line per bar").isEqualTo(places.size() + 1);
        assertCleanPage(browser);
        screenshot(browser, "analytics-dwell-en");
    }

    @Test
    void companionsOfAVehicleNeedAPurposeAndListWhatTheApiFinds() throws Exception {
        Instant end = awaitTrips();
        ChromeDriver browser = loggedInBrowser("en");
        browser.get(url("/analytics?chart=companions&end=" + end));
        browser.findElement(By.id("f-plate")).sendKeys("渝A·00000");
        browser.findElement(By.id("f-submit")).click();
        WebElement purposeError = waitFor(browser, Duration.ofSeconds(20), d -> d.findElement(By.id("e-purpose")));
        assertThat(purposeError.getText()).contains("say why you look");
        assertThat(browser.findElement(By.id("f-purpose")).getAttribute("aria-invalid")).isEqualTo("true");
        assertCleanPage(browser);

        browser.findElement(By.id("f-purpose")).sendKeys("analytics-test case 16");
        browser.findElement(By.id("f-submit")).click();
        WebElement plateError = waitFor(browser, Duration.ofSeconds(20), d -> d.findElement(By.id("e-plate")));
        assertThat(plateError.getText()).contains("no vehicle with plate");

        // a vehicle of the demo with companions, as the API finds them: the most travelled vehicles first
        Instant to = end.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant from = to.minus(Duration.ofHours(24));
        Map<String, Integer> seen = new HashMap<>();
        for (Passage p : passages.latest(5000)) {
            bindings.at(p.epc().toHex(), p.firstSeen()).filter(b -> b.kind() == ObjectKind.VEHICLE)
                    .ifPresent(b -> seen.merge(b.objectId(), 1, Integer::sum));
        }
        List<String> busiest = seen.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).limit(40).toList();
        String plate = null;
        JsonNode expected = null;
        for (String id : busiest) {
            JsonNode page = rest("/api/v1/analytics/companions?kind=VEHICLE&level=checkpoint&delta=PT30M&minShared=2&maxSightings=20&limit=50"
                    + "&purpose=test&id=" + id + "&from=" + from + "&to=" + to);
            if (page.get("items").size() > 0) {
                plate = vehicles.find(UUID.fromString(id)).orElseThrow().plate();
                expected = page;
                break;
            }
        }
        assertThat(plate).as("some demo vehicle has companions").isNotNull();
        browser.get(url("/analytics?chart=companions&purpose=analytics-test&plate=" + URLEncoder.encode(plate, StandardCharsets.UTF_8)
                + "&delta=PT30M&end=" + end));
        List<WebElement> rows = browser.findElements(By.cssSelector("#companions-table tr.companion-row"));
        assertThat(rows).hasSize(expected.get("items").size());
        assertThat(rows.get(0).getAttribute("data-shared")).isEqualTo(expected.get("items").get(0).get("shared").asText());
        assertThat(browser.findElement(By.id("companions-summary")).getText()).startsWith(plate + ": " + rows.size() + " companions");
        waitFor(browser, Duration.ofSeconds(30), d -> "1".equals(d.findElement(By.id("companions-map")).getAttribute("data-ready")));
        assertThat(Integer.parseInt(browser.findElement(By.id("companions-map")).getAttribute("data-markers"))).isPositive();
        assertThat(download(browser).lines().count()).isEqualTo(rows.size() + 1);
        assertCleanPage(browser);
        screenshot(browser, "analytics-companions-en");
    }

    @Test
    void anAuditorIsRefusedTheAnalyticsAndALibrarianItsVehicleLookups() throws Exception {
        ensureUser("analytics-auditor", "AUDITOR");
        ChromeDriver auditor = loggedInBrowser("analytics-auditor", USER_PASSWORD, "en");
        auditor.get(url("/analytics"));
        assertThat(auditor.findElement(By.tagName("h1")).getText()).isEqualTo("Not for your role");
        assertThat(auditor.findElements(By.cssSelector("header nav a[href$='/analytics']"))).isEmpty();
        assertNoMissingMessages(auditor);

        ensureUser("analytics-librarian", "LIBRARIAN");
        ChromeDriver librarian = loggedInBrowser("analytics-librarian", USER_PASSWORD, "zh-CN");
        librarian.get(url("/analytics"));
        assertThat(librarian.findElement(By.cssSelector("header nav a[href$='/analytics']")).getText()).isEqualTo("统计分析");
        assertThat(librarian.findElements(By.cssSelector("nav.tabs a[data-tab=companions]"))).as("no vehicle lookups for a librarian").isEmpty();
        librarian.get(url("/analytics?chart=companions"));
        assertThat(librarian.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
        assertNoMissingMessages(librarian);
    }

    // --- helpers ---

    private static boolean trafficSeen;

    /** A minute ago (passages before it are stored), once the demo has made trips between two places. */
    private Instant awaitTrips() throws Exception {
        Instant deadline = Instant.now().plus(TRAFFIC);
        while (!trafficSeen) {
            Instant now = Instant.now();
            JsonNode od = rest("/api/v1/analytics/od-matrix?level=checkpoint&tripGap=PT30M&from=" + now.minus(Duration.ofHours(2)) + "&to=" + now);
            long between = 0;
            for (JsonNode r : od.get("rows")) {
                between += r.get("origin").asText().equals(r.get("destination").asText()) ? 0 : r.get("trips").asLong();
            }
            trafficSeen = between >= 20;
            if (!trafficSeen) {
                assertThat(now).as("the demo made trips within %s", TRAFFIC).isBefore(deadline);
                Thread.sleep(10_000);
            }
        }
        return Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
    }

    private JsonNode rest(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s: %s", path, r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String from(ChromeDriver browser) {
        return browser.findElement(By.cssSelector("p.period")).getAttribute("data-from");
    }

    private static String to(ChromeDriver browser) {
        return browser.findElement(By.cssSelector("p.period")).getAttribute("data-to");
    }

    private static String selected(ChromeDriver browser, String id) {
        return String.valueOf(browser.executeScript("return document.getElementById(arguments[0]).value;", id));
    }

    /** The chart's CSV as the browser's session downloads it. */
    private static String download(ChromeDriver browser) {
        String href = browser.findElement(By.id("csv-download")).getAttribute("href");
        Object text = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.ok ? r.text() : 'HTTP ' + r.status).then(done, e => done(String(e)));", href);
        assertThat(String.valueOf(text)).as("CSV at %s", href).doesNotStartWith("HTTP ");
        return String.valueOf(text);
    }

    /** Clicks "Download PNG"; the size of the PNG's data URL. */
    private static long clickPng(ChromeDriver browser) {
        WebElement button = browser.findElement(By.id("png-download"));
        button.click();
        String size = waitFor(browser, Duration.ofSeconds(20), d -> d.findElement(By.id("png-download")).getAttribute("data-png"));
        return Long.parseLong(size);
    }

    private static long sum(JsonNode rows, String field) {
        long s = 0;
        for (JsonNode r : rows) {
            s += r.get(field).asLong();
        }
        return s;
    }

    /** As the page writes durations: m:ss, rounded to the second. */
    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    private static long seconds(String clock) {
        List<Long> parts = new ArrayList<>();
        for (String p : clock.split(":")) {
            parts.add(Long.parseLong(p));
        }
        long s = 0;
        for (long p : parts) {
            s = s * 60 + p;
        }
        return s;
    }
}
