package org.openrfid.trace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * {@code /admin/users} as an administrator works it, with no curl: a refused form says what is wrong next
 * to each field and creates nothing; a librarian made in the form logs in and sees only the library side;
 * an API token's secret is shown once and works until revoked; a disabled user cannot log in.
 */
class UsersBrowserIntegrationTests extends ConsoleBrowserTest {

    @Test
    void adminCreatesALibrarianInChineseWhoThenLogsInWithoutTheAdminPages() throws Exception {
        ChromeDriver browser = loggedInBrowser("zh-CN");
        browser.get(url("/admin/users"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("用户");

        // a refused form: bad user name, no role, short password — each problem next to its field, nothing stored
        fill(browser, "nu-username", "Zhang San");
        fill(browser, "nu-password", "short");
        browser.findElement(By.id("new-user-submit")).click();
        waitFor(browser, java.time.Duration.ofSeconds(20), b -> !b.findElements(By.id("nu-roles-problem")).isEmpty());
        assertThat(browser.findElement(By.id("nu-username-problem")).getText()).contains("a–z");
        assertThat(browser.findElement(By.id("nu-roles-problem")).getText()).isEqualTo("请至少选择一个角色。");
        assertThat(browser.findElement(By.id("nu-password-problem")).getText()).isEqualTo("至少 12 个字符。");
        assertThat(browser.findElement(By.id("nu-username")).getAttribute("value")).as("what was typed is kept").isEqualTo("Zhang San");
        assertThat(usernamesViaApi()).doesNotContain("zhang san", "Zhang San");
        assertOnlyTheRefusal(browser, "/admin/users");
        screenshot(browser, "users-refused-zh-CN");

        fill(browser, "nu-username", "zhang.librarian");
        fill(browser, "nu-display", "张图书");
        browser.findElement(By.cssSelector("#new-user input[name=roles][value=LIBRARIAN]")).click();
        fill(browser, "nu-password", USER_PASSWORD);
        browser.findElement(By.id("new-user-submit")).click();
        waitFor(browser, java.time.Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("/admin/users/zhang.librarian"));
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("用户已创建。");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("张图书").contains("已启用");
        assertCleanPage(browser);

        browser.get(url("/admin/users"));
        WebElement row = browser.findElement(By.cssSelector("#user-rows tr[data-username='zhang.librarian']"));
        assertThat(row.getText()).contains("张图书").contains("图书馆员");
        assertCleanPage(browser);
        screenshot(browser, "users-zh-CN");

        ChromeDriver librarian = loggedInBrowser("zhang.librarian", USER_PASSWORD, "zh-CN");
        String menu = librarian.findElement(By.cssSelector("header.top nav")).getText();
        assertThat(menu).doesNotContain("用户").doesNotContain("接口");
        librarian.get(url("/admin/users"));
        assertThat(librarian.getPageSource()).doesNotContain("zhang.librarian</code>");
        assertThat(librarian.findElement(By.tagName("h1")).getText()).as("the console's 403 page").isEqualTo("无权访问");
        assertThat(librarian.getCurrentUrl()).endsWith("/admin/users");
    }

    @Test
    void tokenSecretIsShownOnceAndWorksUntilRevokedAndADisabledUserCannotLogIn() throws Exception {
        ensureUser("gate.gateway", "INGEST");
        ChromeDriver browser = loggedInBrowser("en");
        browser.get(url("/admin/users/gate.gateway"));

        fill(browser, "nt-days", "0");
        browser.findElement(By.id("new-token-submit")).click();
        waitFor(browser, java.time.Duration.ofSeconds(20), b -> !b.findElements(By.id("nt-days-problem")).isEmpty());
        assertThat(browser.findElement(By.id("nt-days-problem")).getText()).isEqualTo("Between 1 and 365 days.");
        assertThat(browser.findElements(By.id("token-secret"))).isEmpty();
        assertOnlyTheRefusal(browser, "/admin/users/gate.gateway/tokens");

        fill(browser, "nt-name", "north gate gateway");
        fill(browser, "nt-days", "30");
        browser.findElement(By.id("new-token-submit")).click();
        waitFor(browser, java.time.Duration.ofSeconds(20), b -> !b.findElements(By.id("token-secret")).isEmpty());
        String secret = browser.findElement(By.id("token-secret")).getText().strip();
        assertThat(secret).hasSizeGreaterThan(20);
        assertThat(browser.findElement(By.id("token-rows")).getText()).contains("north gate gateway").contains("Active");
        assertCleanPage(browser);
        screenshot(browser, "user-token-en");
        assertThat(bearerStatus(secret)).as("the token authenticates").isEqualTo(200);

        browser.get(url("/admin/users/gate.gateway"));
        assertThat(browser.getPageSource()).as("the secret is not shown again").doesNotContain(secret);
        browser.findElement(By.cssSelector("#token-rows button.revoke")).click();
        waitFor(browser, java.time.Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("done=revoked"));
        assertThat(browser.findElement(By.id("token-rows")).getText()).contains("Revoked");
        assertThat(bearerStatus(secret)).as("a revoked token no longer authenticates").isEqualTo(401);

        ensureUser("temp.officer", "TRAFFIC");
        browser.get(url("/admin/users/temp.officer"));
        browser.findElement(By.id("enable-user-submit")).click();
        waitFor(browser, java.time.Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("done=disabled"));
        assertThat(browser.findElement(By.id("user-state")).getText()).isEqualTo("Disabled");
        ChromeDriver officer = newBrowser();
        logIn(officer, "temp.officer", USER_PASSWORD);
        assertThat(officer.getCurrentUrl()).contains("/login?error");

        // back on, so the user is as other tests expect it
        browser.findElement(By.id("enable-user-submit")).click();
        waitFor(browser, java.time.Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("done=enabled"));
    }

    /** A refused form answers 400 (the browser logs that); nothing else went wrong on the page. */
    private static void assertOnlyTheRefusal(ChromeDriver browser, String path) {
        assertThat(browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()))
                .extracting(org.openqa.selenium.logging.LogEntry::getMessage)
                .allMatch(m -> m.contains(path + " - Failed to load resource: the server responded with a status of 400"));
    }

    private int bearerStatus(String secret) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/me")))
                .header("Authorization", "Bearer " + secret).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private List<String> usernamesViaApi() throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/users")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        return java.util.regex.Pattern.compile("\"username\":\"([^\"]+)\"").matcher(body).results().map(m -> m.group(1)).toList();
    }
}
