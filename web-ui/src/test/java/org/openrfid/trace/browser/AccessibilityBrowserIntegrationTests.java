package org.openrfid.trace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.alert.Alert;
import org.openrfid.trace.service.alert.Alerts;
import org.openrfid.trace.service.passage.PassageStore;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Accessibility basics on every console page, checked by Deque's axe-core engine (the one browser
 * vendors' audits use) against WCAG 2.1 A and AA: every control labelled, names on links and buttons,
 * contrast of text on its background, landmarks, valid ARIA, language of the page. And the keyboard:
 * the first Tab offers "skip to content", the header's search and menu are reachable, focus is visible.
 */
class AccessibilityBrowserIntegrationTests extends ConsoleBrowserTest {

    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @Autowired
    PassageStore passages;
    @Autowired
    TagBindings bindings;
    @Autowired
    Alerts alerts;

    @Test
    void everyConsolePageMeetsWcagAaInBothLanguages() throws Exception {
        Passage vehicleRead = aRecentPassageOf(ObjectKind.VEHICLE);
        String vehicle = bindings.at(vehicleRead.epc().toHex(), vehicleRead.firstSeen()).orElseThrow().objectId();
        Passage goodsRead = aRecentPassageOf(ObjectKind.GOODS);
        String goods = bindings.at(goodsRead.epc().toHex(), goodsRead.firstSeen()).orElseThrow().objectId();
        long alert = anAlert();

        List<String> pages = List.of("/", "/map", "/search", "/search?q=CN-2025-0001", "/alerts", "/alerts/" + alert,
                "/locations/" + vehicleRead.locationId(), "/vehicles/" + vehicle, "/vehicles/" + vehicle + "?purpose=a11y-check",
                "/goods/" + goods, "/pallets/006141411000000019", "/containers/DMOU1000014", "/library-items/31200000001",
                "/tags/" + goodsRead.epc().toHex(), "/locations/NO-SUCH-PLACE", "/admin/registry", "/admin/registry?kind=library-items&q=312",
                "/admin/registry?kind=watchlist",
                "/customs", "/customs/declarations/DEMO-CD-0003", "/library", "/logistics",
                "/admin/rules", "/admin/rules/new?type=CATEGORY_RESTRICTION", "/admin/rules/watchlist", "/admin/watchlists", "/admin/locations", "/admin/system");
        List<String> problems = new ArrayList<>();
        for (String lang : List.of("zh-CN", "en")) {
            ChromeDriver browser = newBrowser();
            browser.get(url("/login?lang=" + lang));
            problems.addAll(violations(browser, "/login"));
            logIn(browser, "admin", ADMIN_PASSWORD);
            for (String page : pages) {
                browser.get(url(page));
                settle(browser);
                problems.addAll(violations(browser, page));
            }
        }
        assertThat(problems).as("WCAG 2.1 AA violations found by axe-core").isEmpty();
    }

    @Test
    void theKeyboardReachesSkipLinkSearchAndMenuWithVisibleFocus() throws Exception {
        ChromeDriver browser = loggedInBrowser("zh-CN");
        browser.get(url("/alerts"));
        settle(browser);

        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement first = browser.switchTo().activeElement();
        assertThat(first.getAttribute("class")).as("the first Tab offers the skip link").contains("skip");
        assertThat(first.getText()).isEqualTo("跳到正文");
        assertThat(first.isDisplayed()).as("the skip link shows when focused").isTrue();
        assertVisibleFocus(browser, first);

        List<String> reached = new ArrayList<>();
        // the header's links (one per menu entry the role has), the search box and the language links, and a few more
        int headerStops = browser.findElements(By.cssSelector("header.top a, header.top input, header.top button")).size();
        for (int i = 0; i < headerStops + 3; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            reached.add(Optional.ofNullable(focused.getAttribute("id")).filter(s -> !s.isBlank())
                    .orElse(Optional.ofNullable(focused.getAttribute("href")).orElse(focused.getTagName())));
            assertVisibleFocus(browser, focused);
        }
        assertThat(reached).as("Tab order through the header").contains("quick-q")
                .anyMatch(s -> s.endsWith("/map")).anyMatch(s -> s.endsWith("/alerts"));

        // Enter on the search box searches: a keyboard user needs no mouse for the console's main task
        browser.findElement(By.id("quick-q")).sendKeys("CN-2025-0001", Keys.ENTER);
        waitFor(browser, Duration.ofSeconds(10), b -> b.getCurrentUrl().contains("/search"));
        assertThat(browser.findElements(By.cssSelector("#search-hits li.hit a"))).isNotEmpty();
        screenshot(browser, "keyboard-search-zh-CN");
    }

    /** The page's violations as readable lines: rule, impact, what axe says, and where. */
    private List<String> violations(ChromeDriver browser, String page) {
        Results results = new AxeBuilder().withTags(WCAG_AA).analyze(browser);
        List<String> lines = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            String where = rule.getNodes().stream().limit(3).map(CheckedNode::getHtml)
                    .map(h -> h.length() > 160 ? h.substring(0, 160) + "…" : h).collect(Collectors.joining(" | "));
            lines.add(browser.getCurrentUrl().replace(url(""), "") + " (" + page + "): " + rule.getId() + " [" + rule.getImpact() + "] "
                    + rule.getHelp() + " — " + rule.getNodes().size() + " element(s): " + where);
        }
        return lines;
    }

    /** Lets live parts (maps, the first SSE rows, charts) draw before the page is checked. */
    private static void settle(ChromeDriver browser) throws InterruptedException {
        waitFor(browser, Duration.ofSeconds(20), b -> "complete".equals(((ChromeDriver) b).executeScript("return document.readyState")));
        Thread.sleep(1500);
    }

    /** Focus shows as an outline (or a box shadow) a person can see. */
    private static void assertVisibleFocus(ChromeDriver browser, WebElement focused) {
        String style = (String) browser.executeScript(
                "const s = getComputedStyle(arguments[0]); return s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.boxShadow;", focused);
        assertThat(style).as("focus on <%s %s> is visible", focused.getTagName(), focused.getAttribute("id"))
                .satisfiesAnyOf(s -> assertThat(s).doesNotStartWith("none").doesNotContain(" 0px "),
                        s -> assertThat(s).doesNotEndWith("none"));
    }

    private Passage aRecentPassageOf(ObjectKind kind) {
        AtomicReference<Passage> found = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            passages.latest(2000).stream()
                    .filter(p -> bindings.at(p.epc().toHex(), p.firstSeen()).filter(b -> b.kind() == kind).isPresent())
                    .findFirst().ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    private long anAlert() {
        AtomicReference<Long> found = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            alerts.page(new Alerts.Filter(null, null, null, null, null, null, null, null, 0, 1)).stream().findFirst()
                    .map(Alert::id).ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }
}
