package org.openrfid.trace.identity;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared standards test data ({@code shared/data}, see its README for sources and licences):
 * system property {@code rfid.shared.dir} (set by surefire), else {@code ../shared} or {@code ../../shared}
 * from the working directory. Missing data skips the test locally but fails it when {@code CI=true}.
 */
final class SharedData {

    private SharedData() {
    }

    static Path file(String relative) {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("rfid.shared.dir");
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("..", "shared"));
        candidates.add(Path.of("..", "..", "shared"));
        for (Path dir : candidates) {
            Path f = dir.resolve("data").resolve(relative);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        String msg = "shared test data " + relative + " not found under " + candidates;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(msg);
        }
        Assumptions.abort(msg);
        return null;
    }

    /** Rows of a CSV with a header line, as column-name maps; handles double-quoted fields. */
    static List<Map<String, String>> csv(String relative) {
        try {
            List<String> lines = Files.readAllLines(file(relative), StandardCharsets.UTF_8);
            List<String> header = fields(lines.get(0));
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = fields(line);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < f.size() ? f.get(i) : "");
                }
                rows.add(row);
            }
            if (rows.isEmpty()) {
                fail(relative + " has no rows");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
