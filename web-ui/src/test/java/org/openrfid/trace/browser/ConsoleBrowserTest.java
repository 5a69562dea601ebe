package org.openrfid.trace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator console as a person uses it: the whole app in demo mode (simulated readers over real
 * LLRP sockets, registries loaded, alerts raised), driven through Debian's headless Chromium. Every
 * browser test class extends this one with nothing added to the Spring configuration, so they all share
 * one application context (Spring's test context cache) and the suite starts the demo once.
 *
 * <p>Helpers check what every page must hold: no missing message key ({@code ??key??} is how Thymeleaf
 * shows one), no console error (a CSP violation is one), no request leaving localhost. Screenshots go to
 * {@code target/screenshots/} for people to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=true",
        "RFID_ADMIN_PASSWORD=" + ConsoleBrowserTest.ADMIN_PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:console;DB_CLOSE_DELAY=-1",
})
public abstract class ConsoleBrowserTest {

    public static final String ADMIN_PASSWORD = "console-admin-password";
    public static final String USER_PASSWORD = "a-long-enough-user-password";
    private static final java.util.Set<String> CREATED = ConcurrentHashMap.newKeySet();

    @LocalServerPort
    protected int port;

    private final List<ChromeDriver> browsers = new java.util.ArrayList<>();

    /** A new browser (its own cookies, as a second person's); closed after the test. */
    protected ChromeDriver newBrowser() throws Exception {
        ChromeDriver b = HeadlessChromium.start();
        browsers.add(b);
        return b;
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
        browsers.clear();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void logIn(ChromeDriver browser, String user, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        // the click returns before the form's POST is answered (a BCrypt check on a loaded machine takes a
        // while): wait for the answer, or a test's next navigation would abort the login or read the old URL
        waitFor(browser, Duration.ofSeconds(30), b -> !b.getCurrentUrl().endsWith("/login"));
    }

    /** Logs in as admin and switches the console to this language ({@code zh-CN} or {@code en}). */
    protected ChromeDriver loggedInBrowser(String lang) throws Exception {
        return loggedInBrowser("admin", ADMIN_PASSWORD, lang);
    }

    protected ChromeDriver loggedInBrowser(String user, String password, String lang) throws Exception {
        ChromeDriver b = newBrowser();
        logIn(b, user, password);
        b.get(url("/?lang=" + lang));
        return b;
    }

    /** Creates a user with one role through the users API (once per name for the shared context). */
    protected void ensureUser(String username, String role) throws Exception {
        if (!CREATED.add(username)) {
            return;
        }
        String body = "{\"username\":\"" + username + "\",\"roles\":[\"" + role + "\"],\"enabled\":true,\"password\":\"" + USER_PASSWORD + "\"}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/users")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    }

    /** Types into the field with this id what a person would, after clearing it. */
    protected static void fill(ChromeDriver browser, String id, String text) {
        org.openqa.selenium.WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Time inputs take typed keys by the browser's locale (AM/PM or not): set the value a person would pick. */
    protected static void setValue(ChromeDriver browser, String id, String value) {
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), value);
    }

    protected static <T> T waitFor(WebDriver browser, Duration timeout, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(200));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
        return wait.until(condition);
    }

    /** Saves what the person sees as {@code target/screenshots/<name>.png}. */
    protected static void screenshot(ChromeDriver browser, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** No message key is missing on the page: Thymeleaf writes a missing one as {@code ??key_locale??}. */
    protected static void assertNoMissingMessages(ChromeDriver browser) {
        String source = browser.getPageSource();
        assertThat(source).as("a message key is missing on %s", browser.getCurrentUrl()).doesNotContain("??");
    }

    /** Nothing was written to the browser console at level SEVERE (script errors, CSP violations, failed loads). */
    protected static void assertNoConsoleErrors(ChromeDriver browser) {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .toList();
        assertThat(errors).extracting(LogEntry::getMessage).as("browser console errors on %s", browser.getCurrentUrl()).isEmpty();
    }

    /** Every resource the page loaded came from this application (the page works on an isolated network). */
    protected void assertOnlyLocalRequests(ChromeDriver browser) {
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name);");
        assertThat(urls).as("requests made by %s", browser.getCurrentUrl())
                .allMatch(u -> u.startsWith("http://localhost:" + port + "/") || u.startsWith("data:") || u.startsWith("blob:"));
    }

    /** The three checks every page must pass. */
    protected void assertCleanPage(ChromeDriver browser) {
        assertNoMissingMessages(browser);
        assertNoConsoleErrors(browser);
        assertOnlyLocalRequests(browser);
    }
}
