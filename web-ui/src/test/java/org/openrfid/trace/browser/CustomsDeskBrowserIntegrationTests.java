package org.openrfid.trace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.sampledata.world.WorldBuilder;
import org.openrfid.trace.service.gate.GateTransactions;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /customs}, the port desk, as a customs officer works it: a truck's gate transaction recorded
 * while the desk is open appears on it without a reload, with the declaration's number, the place's name
 * and the verdict; on the declaration's page a hold and a release need a reason (a missing one is shown
 * next to the field and changes nothing), and both land in the history and the audit trail.
 */
class CustomsDeskBrowserIntegrationTests extends ConsoleBrowserTest {

    static final String OFFICER = "customs.officer";

    @Autowired
    GateTransactions gateTransactions;

    @Autowired
    Locations locations;

    @Test
    void aGateTransactionRecordedAfterTheDeskOpenedAppearsLiveInChinese() throws Exception {
        ensureUser(OFFICER, "CUSTOMS");
        String sscc = newSscc();
        String number = declare(sscc);
        ChromeDriver browser = loggedInBrowser(OFFICER, USER_PASSWORD, "zh-CN");
        browser.get(url("/customs"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("海关工作台");
        waitFor(browser, Duration.ofSeconds(30), b -> b.findElement(By.id("live-state")).getText().equals("实时"));
        browser.executeScript("window.__sameDocument = true;");

        Location gate = locations.find(WorldBuilder.PORT_GATE).orElseThrow();
        gateTransactions.record(GatePassages.through(gate, Direction.IN, GatePassages.pallet(sscc)));

        WebElement row = waitFor(browser, Duration.ofSeconds(60),
                b -> b.findElement(By.cssSelector("#gate-rows tr[data-declaration='" + number + "']")));
        assertThat(browser.executeScript("return window.__sameDocument === true")).as("no reload").isEqualTo(true);
        assertThat(row.getAttribute("data-verdict")).isEqualTo("PASS");
        assertThat(row.getText()).contains(number).contains(gate.name()).contains("通过").contains("相符 1，缺少 0，未申报 0")
                .doesNotContain(WorldBuilder.PORT_GATE);
        assertCleanPage(browser);
        screenshot(browser, "customs-desk-zh-CN");

        // the declaration's page: declared beside read; a hold without a reason is refused next to the field
        row.findElement(By.cssSelector("a.declaration")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> b.getCurrentUrl().endsWith("/customs/declarations/" + number));
        WebElement declared = browser.findElement(By.cssSelector("#declared-rows tr[data-unit='" + sscc + "']"));
        assertThat(declared.getText()).contains("托盘").contains("已读取");
        browser.findElement(By.id("step-submit")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("step-reason-problem")).isEmpty());
        assertThat(browser.findElement(By.id("step-reason-problem")).getText()).isEqualTo("请填写原因：它将记入历史和审计日志。");
        assertThat(browser.findElement(By.id("declaration-status")).getText()).isEqualTo("已申报");
        assertThat(history(number)).doesNotContain("\"kind\":\"HOLD\"");
        DeskRefusals.assertOnlyTheRefusal(browser, "/customs/declarations/" + number + "/hold");
        assertNoMissingMessages(browser);
        screenshot(browser, "customs-declaration-refused-zh-CN");
    }

    @Test
    void anOfficerHoldsAndReleasesADeclarationWithAReasonInEnglish() throws Exception {
        ensureUser(OFFICER, "CUSTOMS");
        String number = declare(newSscc());
        ChromeDriver browser = loggedInBrowser(OFFICER, USER_PASSWORD, "en");
        browser.get(url("/customs/declarations/" + number));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Declaration " + number).contains("Declared");
        assertThat(browser.findElement(By.id("declared-title")).isDisplayed()).isTrue();

        browser.findElement(By.id("step-reason")).sendKeys("   ");
        browser.findElement(By.id("step-submit")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("step-reason-problem")).isEmpty());
        assertThat(browser.findElement(By.id("step-reason-problem")).getText())
                .isEqualTo("Give the reason: it is kept in the history and the audit trail.");
        assertThat(history(number)).doesNotContain("\"kind\":\"HOLD\"");
        DeskRefusals.assertOnlyTheRefusal(browser, "/customs/declarations/" + number + "/hold");
        assertNoMissingMessages(browser);

        browser.findElement(By.id("step-reason")).sendKeys("Seal number differs from the manifest");
        browser.findElement(By.id("step-submit")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("done=held"));
        assertThat(browser.findElement(By.id("declaration-status")).getText()).isEqualTo("Held");
        assertThat(browser.findElement(By.id("done")).getText()).startsWith("Declaration held");
        assertThat(browser.findElement(By.cssSelector("#history-rows tr[data-kind=HOLD]")).getText())
                .contains("Held").contains(OFFICER).contains("Seal number differs from the manifest");
        assertThat(browser.findElement(By.id("step-submit")).getText()).isEqualTo("Release");
        assertCleanPage(browser);
        screenshot(browser, "customs-declaration-held-en");

        browser.findElement(By.id("step-reason")).sendKeys("Seal checked on site: matches");
        browser.findElement(By.id("step-submit")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("done=released"));
        assertThat(browser.findElement(By.id("declaration-status")).getText()).isEqualTo("Released");
        assertThat(browser.findElement(By.cssSelector("#history-rows tr[data-kind=RELEASE]")).getText()).contains("Seal checked on site");
        assertThat(audit("CUSTOMS_HOLD", number)).contains("Seal number differs from the manifest").contains(OFFICER);
        assertThat(audit("CUSTOMS_RELEASE", number)).contains("Seal checked on site: matches");
        assertCleanPage(browser);
        screenshot(browser, "customs-declaration-released-en");
    }

    @Test
    void aCustomsOfficerCannotOpenTheLibraryDesk() throws Exception {
        ensureUser(OFFICER, "CUSTOMS");
        ChromeDriver browser = loggedInBrowser(OFFICER, USER_PASSWORD, "en");
        String menu = browser.findElement(By.cssSelector("header.top nav")).getText();
        assertThat(menu).contains("Port desk").doesNotContain("Library desk");

        browser.get(url("/library"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).as("the console's 403 page").isEqualTo("Not for your role");
        assertThat(browser.findElements(By.id("loan-form"))).isEmpty();
    }

    /** A new SSCC: 17 digits and the GS1 mod-10 check digit (weights 3, 1, 3… from the right). */
    static String newSscc() {
        String body = "0061414" + String.format("%010d", ThreadLocalRandom.current().nextLong(1, 9_999_999_999L));
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            sum += digit * (i % 2 == 0 ? 3 : 1);
        }
        return body + (10 - sum % 10) % 10;
    }

    /** A fresh declaration of one pallet, through the customs API as the shipper's system would file it. */
    private String declare(String sscc) throws Exception {
        String number = "UI-CD-" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
        String body = "{\"number\":\"" + number + "\",\"consignment\":\"UI-" + number + "\",\"ssccs\":[\"" + sscc + "\"]}";
        HttpResponse<String> r = http("POST", "/api/v1/customs/declarations", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return number;
    }

    private String history(String number) throws Exception {
        return http("GET", "/api/v1/customs/declarations/" + number + "/history", null).body();
    }

    private String audit(String action, String number) throws Exception {
        HttpResponse<String> r = http("GET", "/api/v1/audit?action=" + action + "&subject=" + URLEncoder.encode("declaration " + number,
                StandardCharsets.UTF_8) + "&limit=10", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private HttpResponse<String> http(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        b = json == null ? b.GET() : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
