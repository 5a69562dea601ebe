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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * {@code /admin/registry} as an administrator uses it: a 100 000-row vehicle file is uploaded, previewed, imported
 * while the page shows the rows checked climbing (SSE), and its vehicles are then listed and found by plate prefix;
 * a file with bad lines is refused with those line numbers on the page, and none of its rows, good or bad, is
 * registered. The files are made here with valid VINs under a province the demo does not use (琼, Hainan).
 */
class RegistryBrowserIntegrationTests extends ConsoleBrowserTest {

    static final String HEADER = "plate,plate_type,plate_colour,vehicle_type,vin,status,epc,tid";
    static final int LARGE = 100_000;

    @Test
    void aHundredThousandRowVehicleFileShowsItsProgressAndCompletesInChinese() throws Exception {
        Path file = write("vehicles-100k.csv", largeFleet());
        ChromeDriver browser = loggedInBrowser("zh-CN");
        long before = vehicleCount(browser);
        browser.get(url("/admin/registry"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登记库");
        assertThat(browser.findElement(By.cssSelector("header.top nav")).getText()).contains("登记库");
        assertThat(browser.findElement(By.id("kind-vehicles")).getAttribute("aria-current")).isEqualTo("page");
        assertCleanPage(browser);

        browser.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("upload-submit")).click();
        waitFor(browser, Duration.ofSeconds(60), b -> !b.findElements(By.id("preview-rows")).isEmpty());
        assertThat(browser.findElement(By.id("preview-summary")).getText()).contains("vehicles-100k.csv").contains("100,000");
        List<String> firstRow = browser.findElements(By.cssSelector("#preview-rows tbody tr:first-child td")).stream().map(e -> e.getText()).toList();
        assertThat(firstRow).as("line number, then the fields as written").startsWith("2", "琼Z00000", "02", "blue");
        assertThat(browser.findElements(By.cssSelector("#preview-rows tbody tr"))).hasSize(10);
        assertThat(vehicleCount(browser)).as("a preview writes nothing").isEqualTo(before);
        assertCleanPage(browser);
        screenshot(browser, "registry-preview-zh-CN");

        browser.findElement(By.id("import-start")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("import-bar")).isEmpty());
        // the bar as the page shows it, read until the result arrives: it must have stood part-way at least once
        TreeSet<Integer> seen = new TreeSet<>();
        boolean midShot = false;
        long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        while (browser.findElements(By.id("import-done")).isEmpty() && browser.findElements(By.id("import-refused")).isEmpty()
                && browser.findElements(By.id("import-failed")).isEmpty() && System.nanoTime() < deadline) {
            try {
                int value = Integer.parseInt(browser.findElement(By.id("import-bar")).getAttribute("value"));
                seen.add(value);
                if (!midShot && value > 0 && value < 100) {
                    assertThat(browser.findElement(By.id("import-counts")).getText()).contains("已检查").contains("/ 100,000 行");
                    screenshot(browser, "registry-progress-zh-CN");
                    midShot = true;
                }
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                // swapped in that instant by the next event
            }
            Thread.sleep(100);
        }
        assertThat(browser.findElements(By.id("import-done"))).as("the import finished well; failure: %s",
                browser.findElements(By.id("import-failed")).stream().map(e -> e.getText()).toList()).hasSize(1);
        assertThat(seen).as("progress values the page showed").anyMatch(v -> v > 0 && v < 100);
        assertThat(browser.findElement(By.id("import-done")).getText())
                .isEqualTo("导入完成：100,000 行，新增 100,000，更新 0，新绑定标签 100,000。");
        assertThat(browser.findElement(By.id("import-bar")).getAttribute("value")).isEqualTo("100");
        assertThat(vehicleCount(browser)).isEqualTo(before + LARGE);
        assertCleanPage(browser);
        screenshot(browser, "registry-imported-zh-CN");

        // the imported vehicles by plate prefix, in plate order, each linking to its page
        browser.findElement(By.id("import-another")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("registry-q")).isEmpty());
        browser.findElement(By.id("registry-q")).sendKeys("琼z 001");
        browser.findElement(By.id("registry-search-submit")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("q="));
        List<String> plates = browser.findElements(By.cssSelector("#registry-rows tbody tr td:first-child a")).stream().map(e -> e.getText()).toList();
        assertThat(plates).hasSize(50).first().isEqualTo("琼Z·00100");
        assertThat(plates).allMatch(p -> p.startsWith("琼Z·001"));
        assertThat(browser.findElement(By.cssSelector("#registry-rows tbody tr:first-child")).getText()).contains(vin(100));
        assertThat(browser.findElement(By.cssSelector("#registry-rows tbody tr:first-child a")).getAttribute("href")).contains("/vehicles/");
        browser.findElement(By.id("next-page")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> b.getCurrentUrl().contains("cursor="));
        List<String> more = browser.findElements(By.cssSelector("#registry-rows tbody tr td:first-child a")).stream().map(e -> e.getText()).toList();
        assertThat(more).hasSize(50).first().isEqualTo("琼Z·00150");
        assertThat(more).last().isEqualTo("琼Z·00199");
        assertThat(browser.findElements(By.id("next-page"))).as("the prefix 琼Z·001 has 100 plates: two pages").isEmpty();
        assertCleanPage(browser);
        screenshot(browser, "registry-vehicles-zh-CN");
    }

    @Test
    void aRefusedFileShowsItsLineNumbersAndWritesNothingInEnglish() throws Exception {
        String good = "琼Y00001,02,blue,K33," + vin(900_001) + ",active,,";
        String badVin = "琼Y00002,02,blue,K33," + wrongCheckDigit(vin(900_002)) + ",active,,";
        String badStatus = "琼Y00003,02,blue,K33," + vin(900_003) + ",lost,,";
        Path file = write("fleet-with-errors.csv", List.of(HEADER, good, badVin, good.replace("琼Y00001", "琼Y00004"), badStatus));
        ChromeDriver browser = loggedInBrowser("en");
        long before = vehicleCount(browser);
        browser.get(url("/admin/registry?kind=vehicles"));

        // no file chosen: said next to the field, nothing staged
        browser.findElement(By.id("upload-submit")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("upload-file-problem")).isEmpty());
        assertThat(browser.findElement(By.id("upload-file-problem")).getText()).isEqualTo("Choose a CSV file to upload.");
        // the refusal is a 400 answer, which the browser logs (reading the log empties it); nothing else went wrong
        assertThat(browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream())
                .extracting(org.openqa.selenium.logging.LogEntry::getMessage)
                .allMatch(m -> m.contains("/admin/registry/vehicles/import - Failed to load resource: the server responded with a status of 400"));

        browser.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("upload-submit")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> !b.findElements(By.id("preview-rows")).isEmpty());
        assertThat(browser.findElement(By.id("preview-summary")).getText()).isEqualTo("fleet-with-errors.csv: 4 data rows. Check the first rows, then import.");
        browser.findElement(By.id("import-start")).click();
        waitFor(browser, Duration.ofSeconds(60), b -> !b.findElements(By.id("import-refused")).isEmpty());

        assertThat(browser.findElement(By.id("import-refused")).getText())
                .isEqualTo("The file was refused: 3 problems (the first 3 listed below). Nothing of it was written.");
        List<String> lines = browser.findElements(By.cssSelector("#import-problems tbody tr")).stream().map(r -> r.getAttribute("data-line")).toList();
        // line 4 repeats line 2's VIN under another plate: the importer names the later line
        assertThat(lines).containsExactly("3", "4", "5");
        String problems = browser.findElement(By.id("import-problems")).getText();
        assertThat(problems).contains("check digit").contains("lost").contains("appears on an earlier line");
        assertThat(vehicleCount(browser)).as("nothing of a refused file is written").isEqualTo(before);
        assertCleanPage(browser);
        screenshot(browser, "registry-refused-en");

        browser.get(url("/admin/registry?kind=vehicles&q=" + java.net.URLEncoder.encode("琼Y", StandardCharsets.UTF_8)));
        assertThat(browser.findElement(By.id("registry-rows")).getText()).contains("Nothing registered starts with");
        assertCleanPage(browser);

        // the registry exports in its import format
        HttpResponse<String> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/admin/registry/vehicles/export")))
                .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).startsWith(HEADER + "\n").doesNotContain("琼Y");
    }

    private static List<String> largeFleet() {
        List<String> lines = new ArrayList<>(LARGE + 1);
        lines.add(HEADER);
        for (int i = 0; i < LARGE; i++) {
            lines.add(String.format("琼Z%05d,02,blue,K33,%s,active,3034F00000000000%08X,", i, vin(i), i));
        }
        return lines;
    }

    private static String wrongCheckDigit(String vin) {
        char wrong = vin.charAt(8) == '1' ? '2' : '1';
        return vin.substring(0, 8) + wrong + vin.substring(9);
    }

    /** A VIN with its ISO 3779 check digit, unique per {@code n} (up to 999 999). */
    static String vin(int n) {
        String v = "LVSHFCAB" + "0" + "R" + "A" + String.format("%06d", n);
        String weights = "8765432X098765432";
        String values = "12345678 12345 7 923456789";
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = v.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : values.charAt(c - 'A') - '0';
            char w = weights.charAt(i);
            sum += value * (w == 'X' ? 10 : w - '0');
        }
        int check = sum % 11;
        return v.substring(0, 8) + (check == 10 ? 'X' : (char) ('0' + check)) + v.substring(9);
    }

    private static Path write(String name, List<String> lines) throws Exception {
        Path dir = Path.of("target", "registry-files");
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** The registry's own count ({@code Vehicles.count()}), as the page heads its table with it. */
    private long vehicleCount(ChromeDriver b) {
        String current = b.getCurrentUrl();
        b.get(url("/admin/registry?kind=vehicles"));
        long count = Long.parseLong(b.findElement(By.id("registry-total")).getText().replaceAll("[^0-9]", ""));
        if (current.contains("/admin/registry")) {
            b.get(current);
        }
        return count;
    }
}
