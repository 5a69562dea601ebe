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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * {@code /audit} as an auditor uses it: it is their home page and the only one they open; the chain check;
 * filters (a bad time is a problem next to its field, a hostile subject is just text); the CSV export holds
 * what the filter selects and is itself in the trail.
 */
class AuditBrowserIntegrationTests extends ConsoleBrowserTest {

    @Test
    void auditorLandsOnTheTrailInChineseVerifiesTheChainAndOpensNothingElse() throws Exception {
        ensureUser("audit.reader", "AUDITOR");
        ChromeDriver browser = loggedInBrowser("audit.reader", USER_PASSWORD, "zh-CN");
        waitFor(browser, Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("/audit"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("审计记录");
        assertThat(browser.findElement(By.cssSelector("header.top nav")).getText().strip()).isEqualTo("审计");
        assertThat(browser.findElements(By.cssSelector("#audit-rows tr[data-id]"))).isNotEmpty();

        browser.findElement(By.id("verify-submit")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> !b.findElements(By.id("verify-result")).isEmpty());
        assertThat(browser.findElement(By.id("verify-result")).getText()).startsWith("记录链完整");
        assertCleanPage(browser);
        screenshot(browser, "audit-zh-CN");

        browser.get(url("/audit?from=2026-13-40T99:00"));
        assertThat(browser.findElement(By.id("af-from-problem")).getText()).isEqualTo("不是有效的日期时间。");
        assertThat(browser.findElements(By.cssSelector("#audit-rows tr[data-id]"))).as("the trail, not an error page").isNotEmpty();

        for (String page : List.of("/alerts", "/admin/users", "/map")) {
            browser.get(url(page));
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(page).isEqualTo("无权访问");
        }
    }

    @Test
    void filtersAndCsvExportInEnglish() throws Exception {
        ensureUser("audit.filter.demo", "LIBRARIAN"); // a USER_CREATED record to find
        ChromeDriver browser = loggedInBrowser("en");
        browser.get(url("/audit?action=USER_CREATED"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#audit-rows tr[data-id]"));
        assertThat(rows).isNotEmpty().allMatch(r -> "USER_CREATED".equals(r.getAttribute("data-action")));
        assertThat(browser.findElement(By.id("audit-rows")).getText()).contains("audit.filter.demo");
        assertCleanPage(browser);
        screenshot(browser, "audit-en");

        browser.get(url("/audit?subject=" + URLEncoder.encode("'; DROP TABLE audit_record; --", StandardCharsets.UTF_8)));
        assertThat(browser.findElement(By.id("audit-rows")).getText()).contains("No records match.");

        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/audit/export.csv?action=USER_CREATED")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("audit.csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\ufeffid,time_utc,user,roles,action,subject,purpose,result_count,client_ip,outcome,hash");
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allMatch(l -> l.split(",")[4].equals("USER_CREATED"));
        assertThat(csv.body()).contains("audit.filter.demo");

        browser.get(url("/audit?action=AUDIT_EXPORTED"));
        assertThat(browser.findElement(By.id("audit-rows")).getText()).as("the export is in the trail").contains("action=USER_CREATED");
    }
}
