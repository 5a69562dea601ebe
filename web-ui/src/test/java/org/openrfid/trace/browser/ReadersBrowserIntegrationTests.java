package org.openrfid.trace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openrfid.trace.reader.simulator.LlrpReaderSimulator;
import org.openrfid.trace.reader.simulator.Scenario;
import org.openrfid.trace.reader.simulator.ScenarioRow;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /readers} as an administrator uses it, no curl: a refused form names its problems next to the
 * fields and adds nothing; a simulated LLRP reader (a real socket) added in the form, its antenna put at
 * a place picked by name, connects, and its reads become passages at that place; a reader changed elsewhere
 * changes on the open pages by SSE, without a reload.
 */
class ReadersBrowserIntegrationTests extends ConsoleBrowserTest {

    @Autowired
    ReaderConnections connections;
    @Autowired
    Locations locations;

    private static final String EPC_A = "3034257BF7194E4000B10001";
    private static final String EPC_B = "3034257BF7194E4000B10002";

    @Test
    void aReaderAddedInTheChineseFormConnectsAndItsReadsBecomePassages() throws Exception {
        // one tag, then another 5 s later, over and over: each read is followed by silence, so passages close
        Scenario scenario = Scenario.of(List.of(new ScenarioRow(0, "browser-gate-1", 1, EPC_A, null, -50),
                new ScenarioRow(5000, "browser-gate-1", 1, EPC_B, null, -52)));
        try (LlrpReaderSimulator sim = LlrpReaderSimulator.builder().reader("browser-gate-1", 0).scenario(scenario).loop(true)
                .build().start()) {
            ChromeDriver browser = loggedInBrowser("zh-CN");
            browser.get(url("/readers"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("读写器");
            assertThat(browser.findElements(By.cssSelector("#reader-rows tr[data-reader]"))).as("the demo's readers").isNotEmpty();
            String demoRow = browser.findElement(By.cssSelector("#reader-rows tr[data-reader]")).getText();
            assertThat(demoRow).as("places by name, not id").doesNotContain("CQ-CP-");

            // refused: bad id, no port, no antenna at a place — nothing added
            fill(browser, "nr-id", "bad id!");
            fill(browser, "nr-host", "127.0.0.1");
            fill(browser, "nr-port", "");
            browser.findElement(By.id("new-reader-submit")).click();
            waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("nr-antennas-problem")).isEmpty());
            assertThat(browser.findElement(By.id("nr-id-problem")).getText()).startsWith("1 到 64 个");
            assertThat(browser.findElement(By.id("nr-port-problem")).getText()).startsWith("端口 1 到 65535");
            assertThat(browser.findElement(By.id("nr-antennas-problem")).getText()).isEqualTo("请至少为一根天线指定地点。");
            assertThat(browser.findElement(By.id("nr-host")).getAttribute("value")).isEqualTo("127.0.0.1");
            assertThat(browser.findElements(By.cssSelector("#reader-rows tr[data-reader^='bad']"))).isEmpty();
            browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll(); // the 400 of the refusal

            fill(browser, "nr-id", "browser-gate-1");
            fill(browser, "nr-port", Integer.toString(sim.port("browser-gate-1")));
            // "Test connection" before adding: what the reader says about itself, the form kept as typed
            browser.findElement(By.id("new-reader-test")).click();
            waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("probe-result")).isEmpty());
            assertThat(browser.findElement(By.id("probe-title")).getText()).endsWith("的读写器已应答");
            assertThat(browser.findElement(By.id("probe-facts")).getText()).contains("openrfid-simulator").contains("EPCGlobalClass1Gen2");
            assertThat(browser.findElement(By.id("nr-id")).getAttribute("value")).isEqualTo("browser-gate-1");
            assertThat(browser.findElements(By.cssSelector("#reader-rows tr[data-reader='browser-gate-1']"))).as("a test adds nothing").isEmpty();
            screenshot(browser, "readers-test-connection-zh-CN");
            fill(browser, "nr-antenna-0", "1");
            Select place = new Select(browser.findElement(By.id("nr-location-0")));
            WebElement chosen = place.getOptions().get(1);
            String placeId = chosen.getAttribute("value");
            String placeName = chosen.getText();
            place.selectByValue(placeId);
            browser.findElement(By.id("new-reader-submit")).click();
            waitFor(browser, Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("/readers/browser-gate-1"));
            assertThat(browser.findElement(By.id("done")).getText()).startsWith("读写器已添加");
            assertThat(browser.findElement(By.id("antenna-rows")).getText()).contains(placeName);

            boolean connected = waitFor(browser, Duration.ofSeconds(30), b -> {
                b.navigate().refresh();
                return "已连接".equals(b.findElement(By.id("reader-state")).getText());
            });
            assertThat(connected).isTrue();
            assertCleanPage(browser);
            screenshot(browser, "reader-zh-CN");

            // the reader is ours now: a test finds it busy, and the session stays up
            browser.findElement(By.id("test-reader-submit")).click();
            waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("probe-reason")).isEmpty());
            assertThat(browser.findElement(By.id("probe-reason")).getText()).startsWith("读写器已应答，但已有其他客户端连接");
            assertThat(browser.findElement(By.id("reader-state")).getText()).isEqualTo("已连接");

            boolean passages = waitFor(browser, Duration.ofSeconds(60), b -> historyOf(EPC_A).contains("\"readerId\":\"browser-gate-1\""));
            assertThat(passages).isTrue();
            assertThat(historyOf(EPC_A)).contains("\"locationId\":\"" + placeId + "\"");

            browser.get(url("/readers?lang=en"));
            WebElement row = browser.findElement(By.cssSelector("#reader-rows tr[data-reader='browser-gate-1']"));
            assertThat(row.getText()).contains(placeName).contains("Connected");
            assertCleanPage(browser);
            screenshot(browser, "readers-en");
        } finally {
            send("DELETE", "/api/v1/readers/browser-gate-1", null);
        }
    }

    @Test
    void aReaderIsEditedDisabledEnabledAndRemovedFromItsPage() throws Exception {
        Scenario scenario = Scenario.of(List.of(new ScenarioRow(0, "browser-gate-2", 1, EPC_A, null, -50)));
        try (LlrpReaderSimulator sim = LlrpReaderSimulator.builder().reader("browser-gate-2", 0).scenario(scenario).loop(true)
                .build().start()) {
            ChromeDriver browser = loggedInBrowser("en");
            browser.get(url("/readers"));
            List<WebElement> options = new Select(browser.findElement(By.id("nr-location-0"))).getOptions();
            String firstId = options.get(1).getAttribute("value");
            String secondId = options.get(2).getAttribute("value");
            String secondName = options.get(2).getText();
            String thirdName = options.get(3).getText();
            assertThat(send("POST", "/api/v1/readers", "{\"id\":\"browser-gate-2\",\"host\":\"127.0.0.1\",\"port\":" + sim.port("browser-gate-2")
                    + ",\"antennas\":[{\"antenna\":1,\"location\":\"" + firstId + "\",\"direction\":\"IN\"}]}").statusCode()).isEqualTo(201);
            assertThat((boolean) waitFor(browser, Duration.ofSeconds(30), b -> sim.hasClient("browser-gate-2"))).as("connected").isTrue();

            // edit: the antenna moves to another place, a second antenna is mapped; the id cannot change
            browser.get(url("/readers/browser-gate-2/edit"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Edit reader browser-gate-2");
            assertThat(browser.findElement(By.id("nr-id")).getAttribute("readonly")).isNotNull();
            assertThat(new Select(browser.findElement(By.id("nr-location-0"))).getFirstSelectedOption().getAttribute("value")).isEqualTo(firstId);
            new Select(browser.findElement(By.id("nr-location-0"))).selectByValue(secondId);
            fill(browser, "nr-antenna-1", "abc");
            new Select(browser.findElement(By.id("nr-location-1"))).selectByIndex(3);
            browser.findElement(By.id("edit-reader-submit")).click();
            waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("nr-antenna-1-problem")).isEmpty());
            assertThat(browser.findElement(By.id("nr-antenna-1-problem")).getText()).startsWith("Antenna 0–65535");
            browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll(); // the 400 of the refusal
            fill(browser, "nr-antenna-1", "2");
            screenshot(browser, "reader-edit-en");
            browser.findElement(By.id("edit-reader-submit")).click();
            waitFor(browser, Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("done=updated"));
            assertThat(browser.findElement(By.id("done")).getText()).startsWith("Saved");
            assertThat(browser.findElement(By.id("antenna-rows")).getText()).contains(secondName).contains(thirdName);
            assertThat(send("GET", "/api/v1/readers/browser-gate-2", null).body()).contains("\"location\":\"" + secondId + "\"")
                    .contains("\"antenna\":2");

            // disable: the session is hung up and nobody dials; the reader stays with its places
            browser.findElement(By.id("disable-reader")).click();
            waitFor(browser, Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("done=disabled"));
            assertThat(browser.findElement(By.id("reader-state")).getText()).isEqualTo("Disabled");
            assertThat((boolean) waitFor(browser, Duration.ofSeconds(30), b -> !sim.hasClient("browser-gate-2"))).as("hung up").isTrue();
            int sessions = sim.clientsAccepted("browser-gate-2");
            Thread.sleep(3_000);
            assertThat(sim.clientsAccepted("browser-gate-2")).as("no member dials a disabled reader").isEqualTo(sessions);
            assertThat(send("GET", "/api/v1/readers/browser-gate-2", null).body()).contains("\"disabled\":true").contains("\"state\":\"DISABLED\"");
            browser.get(url("/readers"));
            assertThat(browser.findElement(By.cssSelector("#reader-rows tr[data-reader='browser-gate-2']")).getText()).contains("Disabled");

            // enable: dialled again
            browser.get(url("/readers/browser-gate-2"));
            browser.findElement(By.id("enable-reader")).click();
            waitFor(browser, Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("done=enabled"));
            assertThat((boolean) waitFor(browser, Duration.ofSeconds(30), b -> {
                b.navigate().refresh();
                return "Connected".equals(b.findElement(By.id("reader-state")).getText());
            })).as("connected again").isTrue();

            // remove, after a question
            browser.findElement(By.id("remove-reader")).click();
            waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("confirm-remove")).isEmpty());
            assertThat(browser.findElement(By.id("confirm-remove-title")).getText()).isEqualTo("Remove reader browser-gate-2?");
            screenshot(browser, "reader-remove-en");
            browser.findElement(By.id("remove-reader-confirm")).click();
            waitFor(browser, Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("removed="));
            assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("Reader browser-gate-2 removed.");
            assertThat(browser.findElements(By.cssSelector("#reader-rows tr[data-reader='browser-gate-2']"))).isEmpty();
            assertThat((boolean) waitFor(browser, Duration.ofSeconds(30), b -> !sim.hasClient("browser-gate-2"))).isTrue();
            assertCleanPage(browser);
        } finally {
            send("DELETE", "/api/v1/readers/browser-gate-2", null);
        }
    }

    @Test
    void aReaderEditPageInChinese() throws Exception {
        ChromeDriver browser = loggedInBrowser("zh-CN");
        browser.get(url("/readers"));
        String id = browser.findElement(By.cssSelector("#reader-rows tr[data-reader]")).getAttribute("data-reader");
        browser.get(url("/readers/" + id + "/edit"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("编辑读写器 " + id);
        assertThat(browser.findElement(By.id("nr-id-fixed")).getText()).startsWith("读写器编号不可更改");
        assertCleanPage(browser);
        screenshot(browser, "reader-edit-zh-CN");
        browser.get(url("/readers/" + id));
        assertThat(browser.findElement(By.id("disable-reader")).getText()).isEqualTo("停用");
        assertThat(browser.findElement(By.id("edit-reader")).getText()).isEqualTo("编辑");
        screenshot(browser, "reader-actions-zh-CN");
    }

    @Test
    void testingAnAddressWhereNothingListensSaysWhatToCheck() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ChromeDriver browser = loggedInBrowser("en");
        browser.get(url("/readers"));
        fill(browser, "nr-host", "127.0.0.1");
        fill(browser, "nr-port", Integer.toString(port));
        browser.findElement(By.id("new-reader-test")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("probe-reason")).isEmpty());
        assertThat(browser.findElement(By.id("probe-title")).getText()).isEqualTo("No usable LLRP reader at 127.0.0.1:" + port);
        assertThat(browser.findElement(By.id("probe-reason")).getText()).startsWith("Nothing answers on this port");
        assertThat(browser.findElement(By.id("probe-detail")).getText()).contains("refused");
        assertCleanPage(browser);
        screenshot(browser, "readers-test-connection-failed-en");
    }

    @Test
    void aReaderDisabledAndEnabledElsewhereChangesOnTheOpenPagesWithoutAReload() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort(); // nothing listens there: the reader stays connecting while enabled
        }
        String place = locations.all().iterator().next().id();
        assertThat(send("POST", "/api/v1/readers", "{\"id\":\"browser-live-1\",\"host\":\"127.0.0.1\",\"port\":" + port
                + ",\"antennas\":[{\"antenna\":1,\"location\":\"" + place + "\"}]}").statusCode()).isEqualTo(201);
        try {
            ChromeDriver browser = loggedInBrowser("en");
            browser.get(url("/readers"));
            By stateCell = By.cssSelector("#reader-rows tr[data-reader='browser-live-1'] [data-cell=state] .state");
            assertThat(browser.findElement(stateCell).getText()).isNotEqualTo("Disabled");
            browser.executeScript("window.rfidSamePage = 'still here';");
            waitFor(browser, Duration.ofSeconds(10), b -> "live".equals(b.findElement(By.id("live-state")).getText()));

            // disabled through the service, as another administrator or the API would: the open list follows by SSE
            connections.replace(connections.find("browser-live-1").orElseThrow().withDisabled(true));
            assertThat((boolean) waitFor(browser, Duration.ofSeconds(15), b -> "Disabled".equals(b.findElement(stateCell).getText()))).isTrue();
            assertThat(browser.executeScript("return window.rfidSamePage;")).as("no reload").isEqualTo("still here");
            assertThat(browser.findElement(By.cssSelector("#reader-rows tr[data-reader='browser-live-1']")).getAttribute("data-state"))
                    .isEqualTo("DISABLED");
            assertThat(browser.findElement(By.cssSelector("#reader-rows tr[data-reader='browser-live-1'] [data-cell=error]")).getText())
                    .as("a disabled reader has no current error").isEmpty();
            assertCleanPage(browser);
            screenshot(browser, "readers-live-disabled-en");

            // the reader's own page, in Chinese: enabled elsewhere, its state leaves "disabled" by itself
            browser.get(url("/readers/browser-live-1?lang=zh-CN"));
            assertThat(browser.findElement(By.id("reader-state")).getText()).isEqualTo("已停用");
            browser.executeScript("window.rfidSamePage = 'still here';");
            waitFor(browser, Duration.ofSeconds(10), b -> "实时".equals(b.findElement(By.id("live-state")).getText()));
            connections.replace(connections.find("browser-live-1").orElseThrow().withDisabled(false));
            assertThat((boolean) waitFor(browser, Duration.ofSeconds(15),
                    b -> List.of("连接中", "等待重连").contains(b.findElement(By.id("reader-state")).getText()))).isTrue();
            assertThat(browser.findElement(By.id("disable-reader")).isDisplayed()).as("the action that fits the state now").isTrue();
            assertThat(browser.findElement(By.id("enable-reader")).isDisplayed()).isFalse();
            assertThat(browser.executeScript("return window.rfidSamePage;")).as("no reload").isEqualTo("still here");
            assertCleanPage(browser);
            screenshot(browser, "reader-live-enabled-zh-CN");
        } finally {
            send("DELETE", "/api/v1/readers/browser-live-1", null);
        }
    }

    @Test
    void aLibrarianCannotOpenTheReadersPages() throws Exception {
        ensureUser("readers.librarian", "LIBRARIAN");
        ChromeDriver browser = loggedInBrowser("readers.librarian", USER_PASSWORD, "en");
        assertThat(browser.findElement(By.cssSelector("header.top nav")).getText()).doesNotContain("Readers");
        browser.get(url("/readers"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not for your role");
    }

    private String historyOf(String epc) {
        try {
            return send("GET", "/api/v1/tags/history?epc=" + epc, null).body();
        } catch (Exception e) {
            return "";
        }
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
