package org.openrfid.trace.reader.llrp;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Locates /work/shared-style test vectors: -Drfid.shared.dir, else ../../shared or ../shared. */
final class SharedData {

    private SharedData() {
    }

    static Path llrpDir() {
        String prop = System.getProperty("rfid.shared.dir");
        Path[] candidates = {prop == null || prop.isBlank() ? null : Path.of(prop), Path.of("../../shared"), Path.of("../shared")};
        for (Path c : candidates) {
            if (c != null && Files.isDirectory(c.resolve("data/llrp"))) {
                return c.resolve("data/llrp").normalize();
            }
        }
        String msg = "shared LLRP test vectors not found (rfid.shared.dir=" + prop + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(msg);
        }
        Assumptions.abort(msg);
        return null;
    }
}
