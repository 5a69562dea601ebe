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
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openrfid.trace.service.alert.rule.RuleDefinitions;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16's acceptance walked as a new user would, in the Chinese console, with no curl: every step is a click or
 * typing in the pages; REST and the services are used only to check a result and to tidy up afterwards.
 *
 * <ol>
 *   <li>a yard drawn on the places map with real mouse clicks, named, saved, listed;</li>
 *   <li>a simulated reader added on the readers page with its antennas at that yard: the demo's simulator holds one
 *       simulated LLRP reader per demo reader and, like a real reader, talks to one client at a time, so the person
 *       frees one first — a demo checkpoint reader disabled on its page, its address read there — and points the new
 *       reader at it; "Test connection" shows the simulator answering, the reader turns connected by itself and the
 *       checkpoint's traffic arrives as passages at the yard;</li>
 *   <li>the demo fleet file ({@code sample-data/…/world/vehicles.csv}) uploaded on the registry page, previewed and
 *       imported with its progress bar run to the end;</li>
 *   <li>a dangerous-goods rule drawn over the city on the rule form's map, for the night (22:00–06:00 when the test
 *       runs at night in Chongqing, otherwise the two hours around now: the demo reads on the wall clock), fired by
 *       the demo's own tankers and shown on the alert inbox;</li>
 *   <li>a librarian created on the users page; the administrator logs out, the librarian logs in in another
 *       browser, lands on the library desk and is offered no vehicle, reader or registry page.</li>
 * </ol>
 */
class AcceptanceWalkBrowserIntegrationTests extends ConsoleBrowserTest {

    private static final String YARD = "WALK-YARD";
    private static final String YARD_NAME = "验收堆场 Walk yard";
    private static final String READER = "walk-gate-1";
    /** The demo checkpoint reader whose simulated reader the walk takes over: the densest traffic of the demo. */
    private static final String DEMO_READER = "rdr-CQ-CP-002";
    private static final String LIBRARIAN = "walk.librarian";
    private static final Path DEMO_FLEET = Path.of("..", "sample-data", "src", "main", "resources", "sample-data", "world", "vehicles.csv");
    private static final ZoneId CHONGQING = ZoneId.of("Asia/Shanghai");

    @Autowired
    ReaderConnections readers;
    @Autowired
    RuleDefinitions rules;
    @Autowired
    Vehicles vehicles;

    @Test
    void issue16AcceptanceWalkedInTheChineseConsole() throws Exception {
        String ruleId = "walk-dg-night-" + Long.toString(System.nanoTime(), 36);
        ChromeDriver browser = loggedInBrowser("zh-CN");
        try {
            placeDrawnOnTheMap(browser);
            simulatedReaderAtThePlace(browser);
            demoFleetImported(browser);
            dangerousGoodsAtNightRuleFires(browser, ruleId);
            librarianCreatedAndLoggedIn(browser);
        } finally {
            send("DELETE", "/api/v1/readers/" + READER);
            readers.find(DEMO_READER).filter(r -> r.disabled()).ifPresent(r -> readers.replace(r.withDisabled(false)));
            if (rules.find(ruleId).isPresent()) {
                rules.delete(ruleId, "test");
            }
        }
    }

    /** Step 1: {@code /admin/locations}, a yard drawn corner by corner on the map. */
    private void placeDrawnOnTheMap(ChromeDriver browser) throws Exception {
        browser.findElement(By.cssSelector("header.top nav a[href$='/admin/locations']")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> b.getCurrentUrl().endsWith("/admin/locations"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("地点");
        WebElement map = mapReady(browser, "admin-locations-map");
        fill(browser, "loc-name", YARD_NAME);
        fill(browser, "loc-id", YARD);
        new Select(browser.findElement(By.id("loc-kind"))).selectByValue("warehouse");
        browser.findElement(By.id("draw-area")).click();
        clickMap(browser, map, -40, -30);
        clickMap(browser, map, 45, -25);
        clickMap(browser, map, 40, 35);
        clickMap(browser, map, -35, 30);
        browser.findElement(By.id("draw-finish")).click();
        assertThat(map.getAttribute("data-corners")).isEqualTo("4");
        assertThat(browser.findElement(By.id("draw-status")).getText()).isEqualTo("区域：4 个角点。");
        assertThat(browser.findElement(By.id("loc-area")).getAttribute("value")).startsWith("{\"type\":\"Polygon\"");
        screenshot(browser, "walk-01-location-drawn");
        browser.findElement(By.id("location-submit")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> b.getCurrentUrl().contains("done=created"));
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("已添加地点 " + YARD_NAME + "。");
        assertThat(browser.findElement(By.cssSelector("#location-rows tr[data-id='" + YARD + "']")).getText())
                .contains(YARD_NAME).contains("仓库").contains("区域，4 个角点");
        map = mapReady(browser, "admin-locations-map");
        assertThat(List.of(map.getAttribute("data-areas").split(","))).as("drawn on the map").contains(YARD);
        assertCleanPage(browser);
        screenshot(browser, "walk-01-location");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});",
                browser.findElement(By.cssSelector("#location-rows tr[data-id='" + YARD + "']")));
        screenshot(browser, "walk-01-location-listed");
    }

    /** Step 2: {@code /readers}, a simulated reader with its antennas at the yard, connected, its passages there. */
    private void simulatedReaderAtThePlace(ChromeDriver browser) throws Exception {
        browser.findElement(By.cssSelector("header.top nav a[href$='/readers']")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> b.getCurrentUrl().endsWith("/readers"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("读写器");

        // the demo's simulated readers are each held by a demo reader; one is freed on its page, its address read there
        browser.findElement(By.cssSelector("#reader-rows tr[data-reader='" + DEMO_READER + "'] a")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> b.getCurrentUrl().endsWith("/readers/" + DEMO_READER));
        String address = browser.findElement(By.cssSelector("#reader-facts dd")).getText();
        assertThat(address).as("a simulated reader on this machine").matches("127\\.0\\.0\\.1:\\d+");
        browser.findElement(By.id("disable-reader")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> b.getCurrentUrl().contains("done=disabled"));
        assertThat(browser.findElement(By.id("reader-state")).getText()).isEqualTo("已停用");
        assertCleanPage(browser);
        screenshot(browser, "walk-02-demo-reader-disabled");

        browser.findElement(By.cssSelector("p.crumbs a")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> b.getCurrentUrl().endsWith("/readers"));
        fill(browser, "nr-id", READER);
        fill(browser, "nr-host", address.substring(0, address.indexOf(':')));
        fill(browser, "nr-port", address.substring(address.indexOf(':') + 1));
        // what the simulated reader says about itself; it answers once the demo reader's session has been hung up
        waitFor(browser, Duration.ofSeconds(60), b -> {
            b.findElement(By.id("new-reader-test")).click();
            waitFor(b, Duration.ofSeconds(30), c -> !c.findElements(By.id("probe-title")).isEmpty());
            return b.findElement(By.id("probe-title")).getText().endsWith("的读写器已应答")
                    && b.findElements(By.id("probe-reason")).isEmpty();
        });
        assertThat(browser.findElement(By.id("probe-facts")).getText()).contains("openrfid-simulator");
        assertThat(browser.findElement(By.id("nr-id")).getAttribute("value")).as("the form kept").isEqualTo(READER);
        screenshot(browser, "walk-02-test-connection");
        fill(browser, "nr-antenna-0", "0");
        Select place = new Select(browser.findElement(By.id("nr-location-0")));
        assertThat(place.getOptions()).anyMatch(o -> YARD.equals(o.getAttribute("value")) && o.getText().equals(YARD_NAME));
        place.selectByValue(YARD);
        browser.findElement(By.id("new-reader-submit")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> b.getCurrentUrl().contains("/readers/" + READER));
        assertThat(browser.findElement(By.id("done")).getText()).startsWith("读写器已添加");
        assertThat(browser.findElement(By.id("antenna-rows")).getText()).contains("全部").contains(YARD_NAME);
        // connected by itself, the page following the reader live
        waitFor(browser, Duration.ofSeconds(60), b -> "已连接".equals(b.findElement(By.id("reader-state")).getText()));
        assertCleanPage(browser);
        screenshot(browser, "walk-02-reader-connected");

        browser.findElement(By.cssSelector("p.crumbs a")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> b.getCurrentUrl().endsWith("/readers"));
        By row = By.cssSelector("#reader-rows tr[data-reader='" + READER + "']");
        waitFor(browser, Duration.ofSeconds(30), b -> b.findElement(row).getText().contains("已连接"));
        assertThat(browser.findElement(row).getText()).contains(YARD_NAME).contains(address);
        assertCleanPage(browser);
        screenshot(browser, "walk-02-readers");

        // the checkpoint's traffic, read by the new reader, arrives as passages at the yard
        browser.findElement(By.cssSelector("#reader-rows tr[data-reader='" + READER + "'] a")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> b.getCurrentUrl().endsWith("/readers/" + READER));
        browser.findElement(By.cssSelector("#antenna-rows a")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> b.getCurrentUrl().endsWith("/locations/" + YARD));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(YARD_NAME);
        assertThat(browser.findElement(By.cssSelector("#location-readers tr[data-reader='" + READER + "']")).getText()).contains("127.0.0.1");
        waitFor(browser, Duration.ofSeconds(90), b -> {
            b.navigate().refresh();
            return b.findElements(By.cssSelector("#location-passages tr.passage-row")).size() >= 3;
        });
        List<WebElement> passages = browser.findElements(By.cssSelector("#location-passages tr.passage-row"));
        assertThat(passages.get(0).findElement(By.cssSelector("td.where")).getText()).isEqualTo(YARD_NAME);
        assertThat(browser.findElements(By.cssSelector("#location-passages tr.passage-row a.object"))).as("registered vehicles passing")
                .isNotEmpty();
        // checked through the API: the passages are the new reader's, at the yard
        assertThat(send("GET", "/api/v1/passages/at?location=" + YARD + "&from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z").body())
                .contains("\"readerId\":\"" + READER + "\"").contains("\"locationId\":\"" + YARD + "\"");
        assertCleanPage(browser);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", browser.findElement(By.id("location-passages")));
        screenshot(browser, "walk-02-passages");
    }

    /** Step 3: {@code /admin/registry}, the demo fleet file imported with its progress bar. */
    private void demoFleetImported(ChromeDriver browser) throws Exception {
        assertThat(DEMO_FLEET).as("the demo fleet file of sample-data").exists();
        long rows = Files.lines(DEMO_FLEET, StandardCharsets.UTF_8).count() - 1;
        browser.findElement(By.cssSelector("header.top nav a[href$='/admin/registry']")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> b.getCurrentUrl().contains("/admin/registry"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登记库");
        browser.findElement(By.id("upload-file")).sendKeys(DEMO_FLEET.toAbsolutePath().normalize().toString());
        browser.findElement(By.id("upload-submit")).click();
        waitFor(browser, Duration.ofSeconds(60), b -> !b.findElements(By.id("preview-rows")).isEmpty());
        assertThat(browser.findElement(By.id("preview-summary")).getText()).contains("vehicles.csv").contains(String.format("%,d", rows));
        assertCleanPage(browser);
        screenshot(browser, "walk-03-preview");

        browser.findElement(By.id("import-start")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> !b.findElements(By.id("import-bar")).isEmpty());
        boolean[] midShot = {false};
        waitFor(browser, Duration.ofMinutes(3), b -> {
            if (!midShot[0]) { // the bar part-way, if this machine is slow enough to show it (6,000 rows go fast)
                String value = b.findElement(By.id("import-bar")).getAttribute("value");
                if (value != null && value.matches("\\d+") && Integer.parseInt(value) > 0 && Integer.parseInt(value) < 100) {
                    try {
                        screenshot((ChromeDriver) b, "walk-03-progress");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    midShot[0] = true;
                }
            }
            return !b.findElements(By.id("import-done")).isEmpty() || !b.findElements(By.id("import-refused")).isEmpty()
                    || !b.findElements(By.id("import-failed")).isEmpty();
        });
        assertThat(browser.findElements(By.id("import-done"))).as("the import finished well; refused or failed: %s",
                browser.findElements(By.cssSelector("#import-refused, #import-failed")).stream().map(WebElement::getText).toList()).hasSize(1);
        assertThat(browser.findElement(By.id("import-done")).getText()).startsWith(String.format("导入完成：%,d 行", rows));
        assertThat(browser.findElement(By.id("import-bar")).getAttribute("value")).isEqualTo("100");
        assertCleanPage(browser);
        screenshot(browser, "walk-03-imported");
    }

    /** Step 4: {@code /admin/rules}, dangerous-goods vehicles in an area at night, and its alert on {@code /alerts}. */
    private void dangerousGoodsAtNightRuleFires(ChromeDriver browser, String ruleId) throws Exception {
        LocalTime now = LocalTime.now(CHONGQING).withSecond(0).withNano(0);
        boolean night = !now.isBefore(LocalTime.of(22, 0)) || now.isBefore(LocalTime.of(5, 45));
        String from = night ? "22:00" : now.minusHours(1).toString();
        String to = night ? "06:00" : now.plusHours(1).toString();

        browser.findElement(By.cssSelector("header.top nav a[href$='/admin/rules']")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> b.getCurrentUrl().endsWith("/admin/rules"));
        new Select(browser.findElement(By.id("new-rule-type"))).selectByValue("CATEGORY_RESTRICTION");
        browser.findElement(By.id("new-rule-open")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> !b.findElements(By.id("rule-form")).isEmpty());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("新建规则：车型限行时段通行");
        browser.findElement(By.id("rule-id")).sendKeys(ruleId);
        browser.findElement(By.id("cat-dangerous_goods")).click();
        setValue(browser, "p-from", from);
        setValue(browser, "p-to", to);
        // the area: the city as the map first shows it (fitted to every place), drawn corner by corner
        WebElement map = mapReady(browser, "rule-area-map");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", map);
        Dimension size = map.getSize();
        // inside the corners: the zoom buttons sit top left and the attribution link bottom right
        int dx = size.getWidth() / 2 - 60;
        int dy = size.getHeight() / 2 - 35;
        browser.findElement(By.id("area-draw")).click();
        clickMap(browser, map, -dx, -dy);
        clickMap(browser, map, dx, -dy);
        clickMap(browser, map, dx, dy);
        clickMap(browser, map, -dx, dy);
        browser.findElement(By.id("area-finish")).click();
        assertThat(map.getAttribute("data-corners")).isEqualTo("4");
        assertThat(browser.findElement(By.id("rule-area")).getAttribute("value")).startsWith("POLYGON((");
        assertCleanPage(browser);
        screenshot(browser, "walk-04-rule-drawn");
        browser.findElement(By.id("rule-submit")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> b.getCurrentUrl().contains("/admin/rules/" + ruleId));
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("规则已创建，即刻生效。");

        browser.get(url("/admin/rules"));
        assertThat(browser.findElement(By.id("rule-" + ruleId)).getText()).contains("危险品运输车辆", from + "–" + to, "已启用");
        assertCleanPage(browser);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", browser.findElement(By.id("rule-" + ruleId)));
        screenshot(browser, "walk-04-rules");

        // the demo's tankers (a dozen passes in its ten-minute loop, at most three minutes apart) raise it: the rule's page
        // lists its latest alerts
        browser.findElement(By.id("rule-" + ruleId)).findElement(By.cssSelector("a[href$='/admin/rules/" + ruleId + "']")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> b.getCurrentUrl().endsWith("/admin/rules/" + ruleId));
        String alertId = waitFor(browser, Duration.ofMinutes(5), b -> {
            b.navigate().refresh();
            return b.findElements(By.cssSelector("#rule-alerts tr[data-alert]")).stream().map(r -> r.getAttribute("data-alert"))
                    .findFirst().orElse(null);
        });
        String plate = browser.findElement(By.cssSelector("#rule-alerts tr[data-alert='" + alertId + "'] td:nth-child(2)")).getText();
        browser.executeScript("document.getElementById('recent-title').scrollIntoView();");
        assertCleanPage(browser);
        screenshot(browser, "walk-04-rule-alerts");
        // checked through the API: the rule's alert, on a registered tanker
        assertThat(send("GET", "/api/v1/alerts/" + alertId).body()).contains("\"ruleId\":\"" + ruleId + "\"");
        assertThat(vehicles.findByPlate(plate)).as("the alert's vehicle, %s", plate).get()
                .extracting(v -> v.vehicleType()).isIn("H14", "H24", "H34", "H1C", "H2C", "H3C", "B14", "B24", "B34", "G14", "G24", "G34");

        // and on the alert inbox, filtered to its type
        browser.findElement(By.cssSelector("header.top nav a[href$='/alerts']")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> b.getCurrentUrl().endsWith("/alerts"));
        new Select(browser.findElement(By.id("f-type"))).selectByValue("CATEGORY_RESTRICTION");
        browser.findElement(By.cssSelector("form.alert-filters button[type=submit]")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> b.getCurrentUrl().contains("type=CATEGORY_RESTRICTION"));
        WebElement fired = waitFor(browser, Duration.ofSeconds(30), b -> b.findElement(By.id("alert-row-" + alertId)));
        assertThat(fired.getText()).contains("车型限行时段通行", plate);
        assertCleanPage(browser);
        screenshot(browser, "walk-04-alert");
    }

    /** Step 5: {@code /admin/users}, a librarian created; the administrator logs out, the librarian logs in. */
    private void librarianCreatedAndLoggedIn(ChromeDriver browser) throws Exception {
        browser.findElement(By.cssSelector("header.top nav a[href$='/admin/users']")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> b.getCurrentUrl().endsWith("/admin/users"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("用户");
        fill(browser, "nu-username", LIBRARIAN);
        fill(browser, "nu-display", "李馆员");
        browser.findElement(By.cssSelector("#new-user input[name=roles][value=LIBRARIAN]")).click();
        fill(browser, "nu-password", USER_PASSWORD);
        browser.findElement(By.id("new-user-submit")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> b.getCurrentUrl().contains("/admin/users/" + LIBRARIAN));
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("用户已创建。");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("李馆员").contains("已启用");
        assertCleanPage(browser);
        screenshot(browser, "walk-05-user");

        browser.findElement(By.cssSelector("form.logout button")).click();
        waitFor(browser, Duration.ofSeconds(30), b -> b.getCurrentUrl().contains("/login"));
        browser.get(url("/admin/users"));
        assertThat(browser.getCurrentUrl()).as("logged out").contains("/login");

        // the issue's Chinese browser: it asks for Chinese pages (Accept-Language), no language picked on the page
        ChromeDriver librarian = newBrowser();
        String userAgent = (String) librarian.executeScript("return navigator.userAgent;");
        librarian.executeCdpCommand("Emulation.setUserAgentOverride", java.util.Map.of("userAgent", userAgent, "acceptLanguage", "zh-CN,zh"));
        // the app's address, as a new user opens it: the login page first
        librarian.get(url("/"));
        waitFor(librarian, Duration.ofSeconds(30), b -> b.getCurrentUrl().contains("/login"));
        assertThat(librarian.findElement(By.id("login-submit")).getText()).as("the login page in Chinese").isEqualTo("登录");
        librarian.findElement(By.id("username")).sendKeys(LIBRARIAN);
        librarian.findElement(By.id("password")).sendKeys(USER_PASSWORD);
        librarian.findElement(By.id("login-submit")).click();
        waitFor(librarian, Duration.ofSeconds(30), b -> !b.getCurrentUrl().contains("/login"));
        assertThat(librarian.getCurrentUrl()).as("the library desk is where a librarian lands").endsWith("/library");
        String menu = librarian.findElement(By.cssSelector("header.top nav")).getText();
        assertThat(menu).contains("图书馆工作台").doesNotContain("读写器", "登记库", "规则", "布控名单", "海关工作台", "月台工作台", "用户");
        assertThat(librarian.findElement(By.cssSelector("header.top .user")).getText()).isEqualTo(LIBRARIAN);
        assertCleanPage(librarian);
        screenshot(librarian, "walk-05-librarian");
    }

    private static WebElement mapReady(ChromeDriver browser, String id) {
        return waitFor(browser, Duration.ofSeconds(30), b -> {
            WebElement m = b.findElement(By.id(id));
            return "1".equals(m.getAttribute("data-ready")) ? m : null;
        });
    }

    /** A click on the map this many pixels right and down of its centre. */
    private static void clickMap(ChromeDriver browser, WebElement map, int dx, int dy) {
        new Actions(browser).moveToElement(map, dx, dy).click().perform();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
