package org.openrfid.trace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/** A refused desk form answers 400 or 409, which the browser logs: that and nothing else went wrong (reading the log empties it). */
final class DeskRefusals {

    private DeskRefusals() {
    }

    static void assertOnlyTheRefusal(ChromeDriver browser, String path) {
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()))
                .extracting(LogEntry::getMessage)
                .allMatch(m -> m.contains(path + " - Failed to load resource: the server responded with a status of 40"));
    }
}
