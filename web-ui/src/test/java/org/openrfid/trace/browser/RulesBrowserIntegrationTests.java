package org.openrfid.trace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.alert.Alert;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Alerts;
import org.openrfid.trace.service.alert.delivery.Webhook;
import org.openrfid.trace.service.alert.delivery.WebhookDelivery;
import org.openrfid.trace.service.alert.delivery.Webhooks;
import org.openrfid.trace.service.alert.engine.RuleEngine;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleDefinitions;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.registry.vehicle.VehicleCsv;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /admin/rules} and {@code /admin/watchlists} as an administrator uses them, no curl: the issue's
 * acceptance rule — dangerous-goods vehicles at a bridge at night — made in the form (a start without an end
 * refused next to the field first), and firing on a registered tanker's night passage; switching a rule off and on;
 * a watchlist entry added by plate (a refusal first) and ended; webhooks' delivery state and "Send test"
 * against a receiver this test runs, once answered and once failing.
 *
 * <p>The night passage is handed to the rule engine as the pipeline's stored-passage route hands it
 * ({@link RuleEngine#passages}): the demo's readers read in daylight time, and a passage of 02:30 cannot be
 * smoothed out of reads made now.
 */
class RulesBrowserIntegrationTests extends ConsoleBrowserTest {

    private static final String BRIDGE = "CQ-CP-003";
    private static final String TANKER_PLATE = "渝F90014";
    private static final String TANKER_EPC = "3416451DA400000005F5FF14";

    @Autowired
    RuleDefinitions rules;
    @Autowired
    RuleEngine engine;
    @Autowired
    Alerts alerts;
    @Autowired
    Vehicles vehicles;
    @Autowired
    VehicleCsv vehicleCsv;
    @Autowired
    TagBindings bindings;
    @Autowired
    Locations locations;
    @Autowired
    Watchlist watchlist;
    @Autowired
    Webhooks webhooks;
    @Autowired
    WebhookDelivery delivery;

    @Test
    void aDangerousGoodsAtNightRuleMadeInTheFormFiresOnATankersNightPassage() throws Exception {
        String ruleId = "dg-night-" + Long.toString(System.nanoTime(), 36);
        Location bridge = locations.find(BRIDGE).orElseThrow();
        ChromeDriver browser = loggedInBrowser("zh-CN");
        browser.get(url("/admin/rules"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("规则");
        assertThat(browser.findElement(By.id("type-WATCHLIST")).getText()).as("the demo's default rules by type").contains("布控命中", "不监视的名单");
        assertThat(browser.findElement(By.cssSelector("header.top nav")).getText()).contains("规则", "布控名单");
        assertCleanPage(browser);
        screenshot(browser, "rules-zh-CN");

        new Select(browser.findElement(By.id("new-rule-type"))).selectByValue("CATEGORY_RESTRICTION");
        browser.findElement(By.id("new-rule-open")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("rule-form")).isEmpty());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("新建规则：车型限行时段通行");
        browser.findElement(By.id("rule-id")).sendKeys(ruleId);
        browser.findElement(By.id("cat-dangerous_goods")).click();
        setValue(browser, "p-from", "22:00");
        new Select(browser.findElement(By.id("rule-places"))).selectByValue(BRIDGE);
        new Select(browser.findElement(By.id("rule-severity"))).selectByValue("CRITICAL");
        browser.findElement(By.id("rule-submit")).click();

        // refused: hours without their end, named next to the end field; nothing stored, the form kept as typed
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("p-to-problem")).isEmpty());
        assertThat(browser.findElement(By.id("p-to-problem")).getText()).isEqualTo("请同时填写时段的开始和结束（或都留空，表示全天）。");
        assertThat(browser.findElement(By.id("p-from")).getAttribute("value")).isEqualTo("22:00");
        assertThat(browser.findElement(By.id("cat-dangerous_goods")).isSelected()).isTrue();
        assertThat(new Select(browser.findElement(By.id("rule-places"))).getAllSelectedOptions()).extracting(WebElement::getText)
                .containsExactly(bridge.name());
        assertThat(rules.find(ruleId)).isEmpty();
        assertNoMissingMessages(browser);
        screenshot(browser, "rule-form-refused-zh-CN");
        browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll(); // the 400 of the refusal

        setValue(browser, "p-to", "06:00");
        browser.findElement(By.id("rule-submit")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("/admin/rules/" + ruleId));
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("规则已创建，即刻生效。");
        RuleDefinition stored = rules.find(ruleId).orElseThrow();
        assertThat(stored.type()).isEqualTo(AlertType.CATEGORY_RESTRICTION);
        assertThat(stored.params()).containsEntry("vehicleTypes", List.of("dangerous_goods")).containsEntry("from", "22:00")
                .containsEntry("to", "06:00");
        assertThat(stored.locations()).containsExactly(BRIDGE);

        browser.get(url("/admin/rules"));
        String row = browser.findElement(By.id("rule-" + ruleId)).getText();
        assertThat(row).contains("危险品运输车辆", "22:00–06:00", bridge.name(), "已启用", "紧急").doesNotContain(BRIDGE + " ");
        assertCleanPage(browser);

        // a tanker of the demo fleet passes a lane of the bridge at 02:30 tonight, as the pipeline stores passages
        waitFor(browser, Duration.ofSeconds(20), b -> engine.running().stream().anyMatch(r -> r.id().equals(ruleId)));
        Vehicle tanker = registeredTanker();
        RawEpc epc = bindings.tagsOf(ObjectKind.VEHICLE, List.of(tanker.id().toString())).get(tanker.id().toString()).get(0);
        Instant night = LocalDate.now(ZoneId.of("Asia/Shanghai")).atTime(LocalTime.of(2, 30)).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        Location lane = locations.find(BRIDGE + "-L1").orElseThrow();
        Passage passage = new Passage("browser-night-" + UUID.randomUUID(), epc, null, lane.id(), "rdr-" + BRIDGE, 1, night,
                night.plusSeconds(2), 5, -50, Direction.IN);
        engine.passages(List.of(new EnrichedPassage(passage, new BoundObject(ObjectKind.VEHICLE, tanker.id().toString()),
                new LocationInfo(lane.id(), lane.name(), lane.kind(), lane.lat(), lane.lon()))));
        Alert fired = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> alerts.page(new Alerts.Filter(null, AlertType.CATEGORY_RESTRICTION, null, null, null, null, null, null, 0, 50))
                        .stream().filter(a -> ruleId.equals(a.ruleId())).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(fired.plate()).isEqualTo(tanker.plate());

        browser.get(url("/alerts?type=CATEGORY_RESTRICTION"));
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("alert-row-" + fired.id())).isEmpty());
        assertThat(browser.findElement(By.id("alert-row-" + fired.id())).getText()).contains("车型限行时段通行", tanker.plate());
        assertCleanPage(browser);
        screenshot(browser, "rule-fired-alerts-zh-CN");

        // the same rule in English: its alert on its page, then switched off and on from the list
        browser.get(url("/admin/rules/" + ruleId + "?lang=en"));
        assertThat(browser.findElement(By.cssSelector("#rule-alerts tr[data-alert='" + fired.id() + "']")).getText())
                .contains(tanker.plate(), lane.name());
        assertThat(browser.findElement(By.id("rule-id")).getAttribute("readonly")).isNotNull();
        assertCleanPage(browser);
        browser.executeScript("document.getElementById('recent-title').scrollIntoView();");
        screenshot(browser, "rule-en");
        browser.get(url("/admin/rules"));
        assertThat(browser.findElement(By.id("rule-" + ruleId)).getText()).contains("Dangerous-goods vehicles", "22:00–06:00", "On", "Critical");
        browser.findElement(By.id("switch-" + ruleId)).click();
        waitFor(browser, Duration.ofSeconds(20), b -> "false".equals(b.findElement(By.id("rule-" + ruleId)).getAttribute("data-enabled")));
        assertThat(browser.findElement(By.id("done")).getText()).startsWith("Rule switched off");
        assertThat(rules.find(ruleId).orElseThrow().enabled()).isFalse();
        waitFor(browser, Duration.ofSeconds(20), b -> engine.running().stream().noneMatch(r -> r.id().equals(ruleId)));
        assertCleanPage(browser);
        screenshot(browser, "rules-en");
        browser.findElement(By.id("switch-" + ruleId)).click();
        waitFor(browser, Duration.ofSeconds(20), b -> "true".equals(b.findElement(By.id("rule-" + ruleId)).getAttribute("data-enabled")));
        rules.delete(ruleId, "test");
    }

    /**
     * The acceptance's "see it fire in the demo", with nothing handed to the engine: a dangerous-goods rule over the
     * whole city made in the form for the two hours around now (the demo reads on the wall clock, so "night" is
     * whenever the test runs), and the demo's own tankers, read by the simulated readers over LLRP, raise it. The
     * demo's ten-minute loop holds a dozen tanker passages; the longest gap between two is about three minutes.
     */
    @Test
    void aDangerousGoodsRuleMadeInTheFormFiresOnTheDemosOwnTankers() throws Exception {
        String ruleId = "dg-demo-" + Long.toString(System.nanoTime(), 36);
        LocalTime now = LocalTime.now(ZoneId.of("Asia/Shanghai"));
        ChromeDriver browser = loggedInBrowser("en");
        browser.get(url("/admin/rules/new?type=CATEGORY_RESTRICTION"));
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("rule-form")).isEmpty());
        browser.findElement(By.id("rule-id")).sendKeys(ruleId);
        browser.findElement(By.id("cat-dangerous_goods")).click();
        setValue(browser, "p-from", now.minusHours(1).withSecond(0).withNano(0).toString());
        setValue(browser, "p-to", now.plusHours(1).withSecond(0).withNano(0).toString());
        browser.findElement(By.id("rule-submit")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("/admin/rules/" + ruleId));
        assertThat(rules.find(ruleId)).isPresent();
        try {
            Alert fired = org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> alerts.page(new Alerts.Filter(null, AlertType.CATEGORY_RESTRICTION, null, null, null, null, null, null, 0, 50))
                            .stream().filter(a -> ruleId.equals(a.ruleId())).findFirst(), Optional::isPresent).orElseThrow();
            Vehicle tanker = vehicles.findByPlate(fired.plate()).orElseThrow();
            assertThat(tanker.plate()).as("one of the demo fleet's, not the tanker another test registers").isNotEqualTo(TANKER_PLATE);
            assertThat(tanker.vehicleType()).isIn("H14", "H24");
            browser.get(url("/alerts?type=CATEGORY_RESTRICTION"));
            waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("alert-row-" + fired.id())).isEmpty());
            assertThat(browser.findElement(By.id("alert-row-" + fired.id())).getText()).contains(tanker.plate());
            assertCleanPage(browser);
            screenshot(browser, "rule-fired-by-demo-tanker-en");
        } finally {
            rules.delete(ruleId, "test");
        }
    }

    @Test
    void aWatchlistEntryIsAddedByPlateAfterARefusalAndEnded() throws Exception {
        Vehicle v = registeredTanker();
        ChromeDriver browser = loggedInBrowser("en");
        browser.get(url("/admin/watchlists"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Watchlists");
        browser.findElement(By.id("list-stolen_vehicle")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("list=stolen_vehicle"));
        assertThat(browser.findElement(By.id("watchlist-rows")).getText()).as("the demo's entries by plate").contains("渝A·Q8162", "Stolen vehicles")
                .doesNotContain("Customs holds");
        assertCleanPage(browser);
        screenshot(browser, "watchlists-stolen-en");

        fill(browser, "we-list", "browser_check");
        fill(browser, "we-object", "渝Z·00000");
        browser.findElement(By.id("new-entry-submit")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("we-reason-problem")).isEmpty());
        assertThat(browser.findElement(By.id("we-object-problem")).getText()).startsWith("No registered vehicle has this plate");
        assertThat(browser.findElement(By.id("we-reason-problem")).getText()).startsWith("Say why");
        assertThat(browser.findElement(By.id("we-list")).getAttribute("value")).isEqualTo("browser_check");
        assertNoMissingMessages(browser);
        screenshot(browser, "watchlist-refused-en");
        browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll(); // the 400 of the refusal

        fill(browser, "we-object", v.plate().replace("·", ""));
        fill(browser, "we-reason", "seen leaving the depot without papers");
        browser.findElement(By.id("new-entry-submit")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("done")).isEmpty());
        WatchlistEntry added = watchlist.ofObject(ObjectKind.VEHICLE, v.id().toString()).stream()
                .filter(e -> e.list().equals("browser_check")).findFirst().orElseThrow();
        assertThat(added.reason()).isEqualTo("seen leaving the depot without papers");
        assertThat(added.subject()).isEqualTo(v.plate());
        WebElement row = browser.findElement(By.id("entry-" + added.id()));
        assertThat(row.getText()).contains("browser_check", v.plate(), "seen leaving the depot without papers", "until ended", "In force");
        assertCleanPage(browser);
        screenshot(browser, "watchlists-en");

        browser.findElement(By.id("end-" + added.id())).click();
        waitFor(browser, Duration.ofSeconds(20), b -> "ENDED".equals(b.findElement(By.id("entry-" + added.id())).getAttribute("data-state")));
        assertThat(watchlist.find(added.id()).orElseThrow().validTo()).isNotNull();
        assertThat(browser.findElement(By.id("done")).getText()).startsWith("Entry ended");
    }

    @Test
    void webhooksShowTheirDeliveryStateAndSendTestSaysWhatTheReceiverAnswered() throws Exception {
        ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/ok", x -> {
            received.add(String.valueOf(x.getRequestHeaders().getFirst(WebhookDelivery.TEST_HEADER)));
            x.getRequestBody().readAllBytes();
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        receiver.createContext("/broken", x -> {
            x.getRequestBody().readAllBytes();
            x.sendResponseHeaders(500, -1);
            x.close();
        });
        receiver.start();
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        // types no demo rule raises, so only this test's sends reach the receiver
        Webhook ok = webhooks.create(base + "/ok?token=abc", "a-secret-of-sixteen+", Set.of(AlertType.CLONE_TID_MISMATCH), true);
        Webhook broken = webhooks.create(base + "/broken", "a-secret-of-sixteen+", Set.of(AlertType.CLONE_TID_MISMATCH), true);
        webhooks.failed(broken.id(), Instant.now(), "HTTP 503", 1_000);
        delivery.webhooksChanged();
        try {
            ChromeDriver browser = loggedInBrowser("zh-CN");
            browser.get(url("/admin/watchlists"));
            WebElement okRow = browser.findElement(By.id("webhook-" + ok.id()));
            assertThat(okRow.getText()).contains(base + "/ok", "正常推送", "从未").doesNotContain("token=abc");
            assertThat(browser.findElement(By.id("webhook-" + broken.id())).getText()).contains("推送失败", "连续失败 1 次", "HTTP 503");

            browser.findElement(By.id("test-webhook-" + ok.id())).click();
            waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("webhook-test-result")).isEmpty());
            assertThat(browser.findElement(By.id("webhook-test-title")).getText()).isEqualTo("测试事件已送达 " + base + "/ok");
            assertThat(browser.findElement(By.id("webhook-test-detail")).getText()).contains("HTTP 204");
            assertThat(received).containsExactly("true");
            assertCleanPage(browser);
            screenshot(browser, "webhook-test-ok-zh-CN");

            browser.findElement(By.id("test-webhook-" + broken.id())).click();
            waitFor(browser, Duration.ofSeconds(20), b -> b.findElement(By.id("webhook-test-title")).getText().contains("未能送达"));
            assertThat(browser.findElement(By.id("webhook-test-detail")).getText()).contains("HTTP 500");
            assertThat(webhooks.find(broken.id()).orElseThrow().consecutiveFailures()).as("a test leaves the state").isEqualTo(1);
            browser.get(url("/admin/watchlists?lang=en"));
            browser.findElement(By.id("test-webhook-" + broken.id())).click();
            waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("webhook-test-result")).isEmpty());
            assertThat(browser.findElement(By.id("webhook-test-title")).getText()).isEqualTo("The test event did not reach " + base + "/broken");
            assertThat(browser.findElement(By.id("webhook-" + broken.id())).getText()).contains("Failing", "1 failed in a row", "HTTP 503");
            assertCleanPage(browser);
            screenshot(browser, "webhook-test-failed-en");
        } finally {
            webhooks.delete(ok.id());
            webhooks.delete(broken.id());
            delivery.webhooksChanged();
            receiver.stop(0);
        }
    }

    /**
     * A tanker (GA 24.4 H14, a tank body: the rule's dangerous-goods category) with its e-plate, imported as the
     * registry page imports a fleet file, so the night passage names a vehicle no other test's passages touch.
     */
    private Vehicle registeredTanker() {
        return vehicles.findByPlate(TANKER_PLATE).orElseGet(() -> {
            String csv = String.join(",", VehicleCsv.COLUMNS) + "\n" + TANKER_PLATE + ",01,yellow,H14," + vin("LZZ5ELND", "JW123414")
                    + ",active," + TANKER_EPC + ",\n";
            vehicleCsv.importFile(new java.io.StringReader(csv));
            return vehicles.findByPlate(TANKER_PLATE).orElseThrow();
        });
    }

    /** A VIN with its ISO 3779 check digit (the registry refuses a wrong one). */
    static String vin(String first8, String last8) {
        String weights = "8765432X098765432";
        String v = first8 + "0" + last8;
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = v.charAt(i);
            int n = Character.isDigit(c) ? c - '0' : "12345678.12345.7.923456789".charAt(c - 'A') - '0';
            sum += n * (weights.charAt(i) == 'X' ? 10 : weights.charAt(i) - '0');
        }
        int check = sum % 11;
        return first8 + (check == 10 ? "X" : Integer.toString(check)) + last8;
    }
}
