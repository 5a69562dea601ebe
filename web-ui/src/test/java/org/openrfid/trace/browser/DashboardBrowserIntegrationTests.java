package org.openrfid.trace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person with a browser: the app runs in demo mode (simulated readers over real LLRP sockets);
 * an anonymous visit lands on the login page; after logging in, passages appear and keep arriving
 * without reloading the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=true",
        "RFID_ADMIN_PASSWORD=" + DashboardBrowserIntegrationTests.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1",
})
class DashboardBrowserIntegrationTests {

    static final String PASSWORD = "browser-test-password";

    @LocalServerPort
    int port;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    /** Leaves a screenshot per test under target/screenshots, to look at what a person saw. */
    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        if (browser != null) {
            Path shot = Path.of("target", "screenshots");
            Files.createDirectories(shot);
            Files.write(shot.resolve(test.getTestMethod().orElseThrow().getName() + ".png"), browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    @Test
    void anonymousVisitLandsOnLogin() {
        browser.get(url("/"));

        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElement(By.id("login-form")).isDisplayed()).isTrue();
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() {
        logIn("admin", "not-the-password");

        assertThat(browser.getCurrentUrl()).contains("/login?error");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("Wrong user name or password");
    }

    @Test
    void loggedInUserSeesPassagesArriveLive() {
        logIn("admin", PASSWORD);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(250));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);

        boolean rowsShown = wait.until(b -> !b.findElements(By.cssSelector("tr.passage-row")).isEmpty());
        long firstTotal = total();
        boolean moreArrived = wait.until(b -> total() > firstTotal);

        assertThat(rowsShown).isTrue();
        assertThat(moreArrived).as("the list refreshes by itself as new passages are stored").isTrue();
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
        Object location = browser.executeScript("return document.querySelector('tr.passage-row td:nth-child(2)').textContent");
        assertThat(String.valueOf(location)).isNotBlank();
        // the page works under the CSP: nothing it needs was blocked
        assertThat(browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll())
                .extracting(org.openqa.selenium.logging.LogEntry::getMessage)
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"));
    }

    private void logIn(String user, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    /** Read in one script call: htmx replaces the element every 2 s, so a found element can go stale. */
    private long total() {
        Object text = browser.executeScript("const e = document.getElementById('passage-total'); return e ? e.textContent : '-1';");
        return Long.parseLong(String.valueOf(text).trim());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
