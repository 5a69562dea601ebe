package org.openrfid.trace.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven through Debian's chromedriver. No browser download: when either binary is
 * missing the test fails and says to run {@code scripts/setup-test-env.sh}.
 */
final class HeadlessChromium {

    static final String CHROMIUM = System.getenv().getOrDefault("RFID_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("RFID_CHROMEDRIVER", "/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    static ChromeDriver start() throws IOException {
        for (String binary : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!new File(binary).canExecute()) {
                throw new IllegalStateException(binary + " is not installed: run scripts/setup-test-env.sh");
            }
        }
        Path profile = Files.createTempDirectory("rfid-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // No network beyond loopback here: keep Chromium from reaching out at all.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        // the console is read back to find Content-Security-Policy violations
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
