package org.openrfid.trace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.passage.PassageStore;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.goods.GoodsItem;
import org.openrfid.trace.service.registry.goods.GoodsItems;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * The search box and the object pages as an officer and a librarian use them: a plate typed with the
 * middle dot or in full-width letters finds the vehicle, its page asks why first, then shows identity,
 * timeline and a replay that moves through the passages in order; a librarian finds no vehicle and is
 * refused its page in their language.
 */
class ObjectPagesBrowserIntegrationTests extends ConsoleBrowserTest {

    @Autowired
    PassageStore passages;
    @Autowired
    TagBindings bindings;
    @Autowired
    Vehicles vehicles;
    @Autowired
    Locations locations;
    @Autowired
    MessageSource messages;
    @Autowired
    GoodsItems goods;

    @Test
    void officerFindsAVehicleByAnySpellingOfItsPlateStatesWhyAndReplaysIt() throws Exception {
        Vehicle v = aVehicleSeenTwice();
        ChromeDriver browser = loggedInBrowser("zh-CN");

        browser.findElement(By.id("quick-q")).sendKeys(fullWidth(v.plate().replace("·", "")), Keys.ENTER);
        waitFor(browser, Duration.ofSeconds(10), b -> b.findElements(By.id("purpose-form")).size() == 1);
        assertThat(browser.getCurrentUrl()).as("full-width plate").contains("/vehicles/" + v.id());
        assertThat(browser.getPageSource()).as("no vehicle data before a purpose").doesNotContain(v.vin());
        assertCleanPage(browser);
        screenshot(browser, "vehicle-purpose-zh-CN");

        browser.get(url("/search?q=" + java.net.URLEncoder.encode(v.plate(), java.nio.charset.StandardCharsets.UTF_8)));
        waitFor(browser, Duration.ofSeconds(10), b -> b.findElements(By.id("purpose-form")).size() == 1);
        assertThat(browser.getCurrentUrl()).as("plate with ·").contains("/vehicles/" + v.id());

        browser.findElement(By.id("purpose")).sendKeys("案件 2026-1203-01");
        browser.findElement(By.id("purpose-submit")).click();
        waitFor(browser, Duration.ofSeconds(10), b -> b.findElements(By.id("identity")).size() == 1);
        assertThat(browser.findElement(By.id("object-title")).getText()).isEqualTo(v.plate());
        assertThat(browser.findElement(By.id("identity")).getText()).contains(v.vin()).contains("车辆类型");
        assertThat(browser.findElements(By.cssSelector("#timeline tr.timeline-row"))).isNotEmpty();

        var map = browser.findElement(By.id("replay-map"));
        waitFor(browser, Duration.ofSeconds(20), b -> "true".equals(map.getAttribute("data-ready")));
        int points = Integer.parseInt(map.getAttribute("data-points"));
        assertThat(points).isGreaterThanOrEqualTo(2);
        assertThat(map.getAttribute("data-replay-index")).as("the replay starts at the first passage").isEqualTo("0");
        new Select(browser.findElement(By.id("replay-speed"))).selectByValue("64");
        browser.findElement(By.id("replay-play")).click();
        String expected = IntStream.range(0, points).mapToObj(Integer::toString).collect(Collectors.joining(","));
        AtomicReference<String> seen = new AtomicReference<>();
        // at 64x the passages of the last hour take under a minute
        waitFor(browser, Duration.ofSeconds(90), b -> {
            seen.set(map.getAttribute("data-replay-trail"));
            return expected.equals(seen.get());
        });
        assertThat(map.getAttribute("data-replay-index")).isEqualTo(Integer.toString(points - 1));
        assertThat(browser.findElement(By.id("replay-current")).getText()).isNotBlank();
        var companions = browser.findElements(By.cssSelector("input.companion"));
        if (!companions.isEmpty()) {
            // whoever was seen with it joins the replay on the same clock, in its own colour
            companions.get(0).click();
            waitFor(browser, Duration.ofSeconds(20), b -> "2".equals(map.getAttribute("data-tracks")));
        }
        assertCleanPage(browser);
        screenshot(browser, "vehicle-replay-zh-CN");

        browser.get(url("/search?q=NOTHING-LIKE-THIS"));
        assertThat(browser.findElement(By.id("search-none")).getText()).contains("渝A·12345");
        assertCleanPage(browser);
        screenshot(browser, "search-zh-CN");
    }

    @Test
    void englishVehicleAndLibraryItemPages() throws Exception {
        Vehicle v = aVehicleSeenTwice();
        ChromeDriver browser = loggedInBrowser("en");

        browser.get(url("/vehicles/" + v.id() + "?purpose=case-42"));
        var map = browser.findElement(By.id("replay-map"));
        waitFor(browser, Duration.ofSeconds(20), b -> "true".equals(map.getAttribute("data-ready")));
        assertThat(browser.findElement(By.id("identity")).getText()).contains("Vehicle type").contains(v.vin());
        assertThat(browser.findElement(By.cssSelector(".purpose-note")).getText()).contains("case-42");
        assertCleanPage(browser);
        screenshot(browser, "vehicle-en");

        browser.get(url("/search?q=31200000001"));
        waitFor(browser, Duration.ofSeconds(10), b -> b.getCurrentUrl().contains("/library-items/31200000001"));
        assertThat(browser.findElement(By.id("identity")).getText()).contains("Pride and Prejudice").contains("Loan status");
        waitFor(browser, Duration.ofSeconds(20), b -> b.findElement(By.id("replay-map")).getAttribute("data-ready") != null);
        assertCleanPage(browser);
        screenshot(browser, "library-item-en");

        browser.get(url("/search?q=CN-2025-0001"));
        assertThat(browser.findElements(By.cssSelector("#search-hits li.hit"))).as("a consignment lists its goods, pallets and container")
                .hasSizeGreaterThan(2);
        assertThat(browser.findElement(By.id("search-hits")).getText()).contains("DMOU1000014").contains("SSCC 006141411000000019");
        assertCleanPage(browser);

        browser.get(url("/search?q=006141411000000019"));
        waitFor(browser, Duration.ofSeconds(10), b -> b.getCurrentUrl().contains("/pallets/006141411000000019"));
        assertThat(browser.findElement(By.id("aggregation-parents")).getText()).contains("DMOU1000014");
        assertThat(browser.findElements(By.cssSelector("#aggregation-contents li"))).as("the cases in the pallet").isNotEmpty();
        waitFor(browser, Duration.ofSeconds(20), b -> b.findElement(By.id("replay-map")).getAttribute("data-ready") != null);
        assertCleanPage(browser);
        screenshot(browser, "pallet-en");

        browser.findElement(By.cssSelector("#aggregation-parents a")).click();
        waitFor(browser, Duration.ofSeconds(10), b -> b.getCurrentUrl().contains("/containers/DMOU1000014"));
        assertThat(browser.findElement(By.id("aggregation-contents")).getText()).contains("SSCC 006141411000000019");
        waitFor(browser, Duration.ofSeconds(20), b -> b.findElement(By.id("replay-map")).getAttribute("data-ready") != null);
        assertCleanPage(browser);
    }

    @Test
    void librarianFindsNoVehicleAndIsRefusedItsPageInTheirLanguage() throws Exception {
        Vehicle v = vehicles.page(null, 1).get(0);
        ensureUser("librarian-objects", "LIBRARIAN");
        ChromeDriver browser = loggedInBrowser("librarian-objects", USER_PASSWORD, "zh-CN");

        browser.get(url("/search?q=" + java.net.URLEncoder.encode(v.plate(), java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(browser.findElements(By.id("search-none"))).hasSize(1);
        assertThat(browser.getCurrentUrl()).doesNotContain("/vehicles/");
        assertCleanPage(browser);

        browser.get(url("/vehicles/" + v.id()));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo(messages.getMessage("error.403.title", null, Locale.SIMPLIFIED_CHINESE));
        assertThat(browser.getPageSource()).doesNotContain(v.vin());
    }

    /** A demo vehicle with at least two passages at registered places in the last hour (the demo runs in real time). */
    private Vehicle aVehicleSeenTwice() {
        AtomicReference<Vehicle> found = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            // vehicle id -> the places of its recent passages; the one seen at the most places makes the clearest replay
            Map<String, List<String>> places = passages.latest(2000).stream()
                    .filter(p -> p.firstSeen().isAfter(java.time.Instant.now().minus(Duration.ofMinutes(50))))
                    .filter(p -> locations.find(p.locationId()).isPresent())
                    .flatMap(p -> vehicleOf(p).map(id -> Map.entry(id, p.locationId())).stream())
                    .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
            Optional<String> best = places.entrySet().stream().filter(e -> e.getValue().size() >= 2)
                    .max(java.util.Comparator.comparing((Map.Entry<String, List<String>> e) -> e.getValue().stream().distinct().count())
                            .thenComparing(e -> e.getValue().size()))
                    .map(Map.Entry::getKey);
            best.flatMap(id -> vehicles.find(UUID.fromString(id))).ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    @Test
    void goodsAndTagPagesInChinese() throws Exception {
        // a goods item the demo's trucks and docks have read recently, and the tag it was read by
        AtomicReference<Passage> read = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            passages.latest(2000).stream().filter(p -> goodsOf(p).isPresent()).findFirst().ifPresent(read::set);
            return read.get() != null;
        });
        Passage p = read.get();
        GoodsItem item = goods.find(UUID.fromString(goodsOf(p).orElseThrow())).orElseThrow();
        ChromeDriver browser = loggedInBrowser("zh-CN");

        browser.get(url("/goods/" + item.id()));
        waitFor(browser, Duration.ofSeconds(10), b -> b.findElements(By.id("identity")).size() == 1);
        assertThat(browser.findElement(By.id("object-title")).getText()).contains(item.product());
        assertThat(browser.findElement(By.id("identity")).getText()).contains("商品").contains(item.gtin()).doesNotContain(item.id().toString());
        assertThat(browser.findElements(By.cssSelector("#timeline tr.timeline-row"))).as("its passages").isNotEmpty();
        assertThat(browser.findElement(By.id("content")).getText()).as("a tag bound since registration is not dated 1970")
                .doesNotContain("1970-01-01").contains("登记时");
        assertThat(browser.findElement(By.id("timeline")).getText()).as("place names, not ids")
                .contains(locations.find(p.locationId()).orElseThrow().name());
        waitFor(browser, Duration.ofSeconds(20), b -> "true".equals(b.findElement(By.id("replay-map")).getAttribute("data-ready")));
        assertCleanPage(browser);
        screenshot(browser, "goods-zh-CN");

        String hex = p.epc().toHex();
        browser.get(url("/tags/" + hex));
        waitFor(browser, Duration.ofSeconds(10), b -> b.findElements(By.id("identity")).size() == 1);
        assertThat(browser.findElement(By.id("identity")).getText()).contains("EPC（十六进制）").containsIgnoringCase(hex);
        assertThat(browser.findElement(By.cssSelector(".page-head .kind")).getText()).as("a bound tag is a tag, not an unregistered one").isEqualTo("标签");
        assertThat(browser.findElement(By.id("owners")).getText()).as("what the tag was bound to, since when")
                .contains(item.product()).contains("登记时").contains("仍有效");
        assertThat(browser.findElements(By.cssSelector("#timeline tr.timeline-row"))).isNotEmpty();
        waitFor(browser, Duration.ofSeconds(20), b -> "true".equals(b.findElement(By.id("replay-map")).getAttribute("data-ready")));
        assertCleanPage(browser);
        screenshot(browser, "tag-zh-CN");

        browser.get(url("/tags/NOT-AN-EPC"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).as("a bad EPC is the not-found page, in Chinese").isEqualTo("未找到");
        assertNoMissingMessages(browser);
        assertOnlyLocalRequests(browser);
    }

    private Optional<String> goodsOf(Passage p) {
        return bindings.at(p.epc().toHex(), p.firstSeen()).filter(b -> b.kind() == ObjectKind.GOODS).map(b -> b.objectId());
    }

    private Optional<String> vehicleOf(Passage p) {
        return bindings.at(p.epc().toHex(), p.firstSeen()).filter(b -> b.kind() == ObjectKind.VEHICLE).map(b -> b.objectId());
    }

    /** 渝A12345 as typed on a full-width keyboard: 渝Ａ１２３４５. */
    static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.appendCodePoint(c >= '!' && c <= '~' ? c + 0xFEE0 : c));
        return b.toString();
    }
}
