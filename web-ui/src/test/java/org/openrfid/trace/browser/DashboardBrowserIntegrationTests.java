package org.openrfid.trace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The live dashboard as an officer sees it: plates and place names, not tag URIs and ids; passages
 * pushed by the server arrive without a reload (no polling: the page holds one event stream); both
 * languages; a librarian sees no vehicle.
 */
class DashboardBrowserIntegrationTests extends ConsoleBrowserTest {

    @Test
    void anonymousVisitLandsOnLogin() throws Exception {
        ChromeDriver browser = newBrowser();
        browser.get(url("/"));

        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElement(By.id("login-form")).isDisplayed()).isTrue();
        assertCleanPage(browser);
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() throws Exception {
        ChromeDriver browser = newBrowser();
        logIn(browser, "admin", "not-the-password");

        assertThat(browser.getCurrentUrl()).contains("/login?error");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("Wrong user name or password");
    }

    @Test
    void chineseDashboardShowsPlatesAndPlaceNamesArrivingLive() throws Exception {
        ChromeDriver browser = newBrowser();
        browser.get(url("/login"));
        logIn(browser, "admin", ADMIN_PASSWORD);
        browser.get(url("/?lang=zh-CN"));
        // the page was rendered once; mark it so a reload would show
        browser.executeScript("window.__sameDocument = true;");

        waitFor(browser, Duration.ofSeconds(60), b -> b.findElements(By.cssSelector("#passage-rows tr.passage-row")).size() > 0);
        String firstId = firstRowId(browser);
        boolean pushed = waitFor(browser, Duration.ofSeconds(60), b -> !firstRowId(browser).equals(firstId));

        assertThat(pushed).isTrue();
        assertThat(browser.executeScript("return window.__sameDocument === true")).as("no reload").isEqualTo(true);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("实时通行");
        String vehicleRow = String.valueOf(browser.executeScript(
                "const r = document.querySelector('#passage-rows tr[data-kind=VEHICLE]'); return r ? r.innerText : '';"));
        assertThat(vehicleRow).as("a vehicle row shows a plate, its type in Chinese and the place's name")
                .containsPattern("[\\u4e00-\\u9fa5][A-Z]·[A-Z0-9]{5,6}").contains("车辆").doesNotContain("urn:epc").doesNotContain("CQ-CP-");
        assertThat(browser.findElements(By.cssSelector("[data-counter=readers-up] .value"))).hasSize(1);
        assertCleanPage(browser);
        screenshot(browser, "dashboard-zh-CN");
    }

    @Test
    void englishDashboardAndItsFilterByKind() throws Exception {
        ChromeDriver browser = loggedInBrowser("en");
        browser.get(url("/?kind=LIBRARY_ITEM"));

        waitFor(browser, Duration.ofSeconds(90), b -> b.findElements(By.cssSelector("#passage-rows tr.passage-row")).size() > 0);

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Live passages");
        assertThat(browser.findElements(By.cssSelector("#passage-rows tr.passage-row")))
                .allSatisfy(row -> assertThat(row.getAttribute("data-kind")).isEqualTo("LIBRARY_ITEM"));
        assertCleanPage(browser);
        screenshot(browser, "dashboard-en-library");
    }

    @Test
    void librarianSeesNoVehicleOnTheDashboard() throws Exception {
        ensureUser("librarian1", "LIBRARIAN");
        ChromeDriver browser = loggedInBrowser("librarian1", USER_PASSWORD, "en");

        waitFor(browser, Duration.ofSeconds(90), b -> b.findElements(By.cssSelector("#passage-rows tr.passage-row")).size() >= 2);

        assertThat(browser.findElements(By.cssSelector("#passage-rows tr[data-kind=VEHICLE]"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("[data-counter=rate-VEHICLE]"))).isEmpty();
        assertThat(browser.findElement(By.id("filter-kind")).getText()).doesNotContain("Vehicle");
        assertCleanPage(browser);
        screenshot(browser, "dashboard-librarian");
    }

    private static String firstRowId(ChromeDriver browser) {
        Object id = browser.executeScript("const r = document.querySelector('#passage-rows tr.passage-row'); return r ? r.dataset.passage : '';");
        return String.valueOf(id);
    }
}
