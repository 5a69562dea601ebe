package org.openrfid.trace.service.epcis;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the shared standards test material ({@code rfid.shared.dir}, else ../shared, ../../shared). */
final class SharedData {

    private SharedData() {
    }

    static Path dir(String relative) {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("rfid.shared.dir");
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        candidates.add(Path.of("../shared"));
        candidates.add(Path.of("../../shared"));
        for (Path base : candidates) {
            Path p = base.resolve(relative);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("shared test data missing: " + relative + " (looked in " + candidates + ")");
        }
        assumeTrue(false, "shared test data not present: " + relative);
        return null;
    }
}
