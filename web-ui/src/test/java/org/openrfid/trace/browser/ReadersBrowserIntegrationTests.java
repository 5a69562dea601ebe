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

/**
 * {@code /readers} as an administrator uses it, no curl: a refused form names its problems next to the
 * fields and adds nothing; a simulated LLRP reader (a real socket) added in the form, its antenna put at
 * a place picked by name, connects, and its reads become passages at that place.
 */
class ReadersBrowserIntegrationTests extends ConsoleBrowserTest {

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

            boolean passages = waitFor(browser, Duration.ofSeconds(60), b -> historyOf(EPC_A).contains("\"readerId\":\"browser-gate-1\""));
            assertThat(passages).isTrue();
            assertThat(historyOf(EPC_A)).contains("\"locationId\":\"" + placeId + "\"");

            browser.get(url("/readers?lang=en"));
            WebElement row = browser.findElement(By.cssSelector("#reader-rows tr[data-reader='browser-gate-1']"));
            assertThat(row.getText()).contains(placeName).contains("Connected");
            assertCleanPage(browser);
            screenshot(browser, "readers-en");
        } finally {
            send("DELETE", "/api/v1/readers/browser-gate-1");
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

    private static void fill(ChromeDriver browser, String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private String historyOf(String epc) {
        try {
            return send("GET", "/api/v1/tags/history?epc=" + epc).body();
        } catch (Exception e) {
            return "";
        }
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
