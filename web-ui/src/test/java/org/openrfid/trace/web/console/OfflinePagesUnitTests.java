package org.openrfid.trace.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console must work on an isolated network: no template or script of ours names anything outside
 * the application (CDN, web font, tile server: a tile server is configuration, rfid.ui.map.tiles), and
 * no template holds an inline script or style, which the Content-Security-Policy would block anyway.
 */
class OfflinePagesUnitTests {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern EXTERNAL_IN_PAGE = Pattern.compile("(src|href|action)\\s*=\\s*[\"']\\s*(https?:)?//", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bth:src=)(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle\\s*=|\\son[a-z]+\\s*=\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXTERNAL_IN_CODE = Pattern.compile("['\"(]\\s*(https?:)?//[a-z0-9]", Pattern.CASE_INSENSITIVE);

    @Test
    void templatesLoadNothingFromOutsideAndHoldNoInlineScriptOrStyle() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path f : files("templates", ".html")) {
            // comments may talk about what is not there
            String html = Files.readString(f).replaceAll("(?s)<!--.*?-->", "");
            if (EXTERNAL_IN_PAGE.matcher(html).find()) {
                problems.add(f + ": links outside the application");
            }
            if (INLINE_SCRIPT.matcher(html).find()) {
                problems.add(f + ": inline <script>");
            }
            if (INLINE_STYLE.matcher(html).find()) {
                problems.add(f + ": inline style or event handler attribute");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void scriptsAndStylesReachNothingOutside() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path f : Stream.concat(files("static", ".js").stream(), files("static", ".css").stream()).toList()) {
            for (String line : Files.readAllLines(f)) {
                String code = line.strip();
                if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) {
                    continue;
                }
                if (EXTERNAL_IN_CODE.matcher(code).find()) {
                    problems.add(f + ": " + code);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static List<Path> files(String dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(RESOURCES.resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
