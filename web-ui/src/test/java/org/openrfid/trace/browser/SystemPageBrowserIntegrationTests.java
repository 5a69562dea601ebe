package org.openrfid.trace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * {@code /admin/system} as an administrator watches it: this node's health components, this member in the
 * members table owning the demo's locations, the throughput chart drawn and fed a new sample by SSE after
 * the page loaded, the retention policies and their last run; others get the console's 403 page.
 */
class SystemPageBrowserIntegrationTests extends ConsoleBrowserTest {

    @Test
    void theChinesePageShowsThisMemberTheChartsLiveAndRetention() throws Exception {
        ChromeDriver browser = loggedInBrowser("zh-CN");
        assertThat(browser.findElement(By.cssSelector("header.top nav")).getText()).contains("系统");
        browser.get(url("/admin/system"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("系统状态");

        // this node: the health components of /actuator/health, the store and the spool
        assertThat(browser.findElements(By.cssSelector("#health-rows tr[data-component='passageStore']"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#health-rows tr[data-component='readers']")).getText()).contains("读写器连接");
        assertThat(browser.findElement(By.id("node-store")).getText()).startsWith("H2GIS");
        assertThat(browser.findElement(By.id("node-spool")).getText()).startsWith("待写入 0 批");

        // the cluster: this member, owning the locations the demo's readers are at
        List<WebElement> here = browser.findElements(By.cssSelector("#member-rows tr[data-here='true']"));
        assertThat(here).hasSize(1);
        assertThat(here.get(0).getText()).contains("本成员");
        assertThat(Integer.parseInt(here.get(0).findElement(By.cssSelector("[data-cell=locations]")).getText())).isPositive();
        assertThat(Integer.parseInt(here.get(0).findElement(By.cssSelector("[data-cell=readers]")).getText())).isPositive();

        // the pipeline: the chart is drawn, then a sample taken after the page loaded arrives by SSE and is drawn
        WebElement chart = browser.findElement(By.id("throughput-chart"));
        waitFor(browser, Duration.ofSeconds(10), b -> "1".equals(chart.getAttribute("data-drawn")));
        // points and received read together (a sample may have come in before the test looks), then one more
        @SuppressWarnings("unchecked")
        List<Object> seen = (List<Object>) browser.executeScript("var c = arguments[0]; return [c.dataset.points, c.dataset.received || '0'];", chart);
        int before = Integer.parseInt((String) seen.get(0));
        int receivedBefore = Integer.parseInt((String) seen.get(1));
        waitFor(browser, Duration.ofSeconds(20), b -> chart.getAttribute("data-received") != null
                && Integer.parseInt(chart.getAttribute("data-received")) > receivedBefore);
        assertThat(Integer.parseInt(chart.getAttribute("data-points"))).as("a new sample on the chart")
                .isGreaterThan(Math.min(before, 359));
        assertThat(chart.getAttribute("data-last")).contains("\"reads\":").contains("\"lag\":");
        assertThat(browser.findElement(By.id("live-state")).getText()).isEqualTo("实时");

        // retention: the shipped policies, and no run yet in the tests (their nightly run is off)
        assertThat(browser.findElement(By.id("retention-policies")).getText()).contains("车辆").contains("90 天").contains("删除");
        assertThat(browser.findElement(By.id("retention-never")).getText()).startsWith("从未运行");
        assertCleanPage(browser);
        screenshot(browser, "system-zh-CN");
        browser.executeScript("document.getElementById('pipeline').scrollIntoView();");
        screenshot(browser, "system-pipeline-zh-CN");
    }

    @Test
    void theEnglishPageSaysTheSameInEnglish() throws Exception {
        ChromeDriver browser = loggedInBrowser("en");
        browser.get(url("/admin/system"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("System");
        assertThat(browser.findElement(By.cssSelector("#member-rows tr[data-here='true']")).getText()).contains("this member");
        assertThat(browser.findElement(By.id("node-status")).getText()).isIn("Up", "Degraded", "Down");
        assertThat(browser.findElement(By.id("retention-never")).getText()).startsWith("Never");
        assertThat(browser.findElement(By.id("retention-policies")).getText()).contains("Vehicle").contains("90 days");
        WebElement chart = browser.findElement(By.id("throughput-chart"));
        waitFor(browser, Duration.ofSeconds(20), b -> chart.getAttribute("data-received") != null);
        assertCleanPage(browser);
        screenshot(browser, "system-en");
        browser.executeScript("document.getElementById('pipeline').scrollIntoView();");
        screenshot(browser, "system-pipeline-en");
    }

    @Test
    void aTrafficOfficerGetsThe403Page() throws Exception {
        ensureUser("system.traffic", "TRAFFIC");
        ChromeDriver browser = loggedInBrowser("system.traffic", USER_PASSWORD, "en");
        assertThat(browser.findElement(By.cssSelector("header.top nav")).getText()).doesNotContain("System");
        browser.get(url("/admin/system"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).as("the console's 403 page").isEqualTo("Not for your role");
        browser.get(url("/admin/system/stream"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not for your role");
    }
}
