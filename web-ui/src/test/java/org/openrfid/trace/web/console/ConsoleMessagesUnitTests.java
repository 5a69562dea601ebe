package org.openrfid.trace.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every console string exists in both languages: each bundle's English and zh-CN files hold the same
 * keys, and every literal message key a template uses ({@code #{key}}) is in the bundles.
 */
class ConsoleMessagesUnitTests {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
        for (String bundle : bundles()) {
            Properties en = load(I18N.resolve(bundle + ".properties"));
            Properties zh = load(I18N.resolve(bundle + "_zh_CN.properties"));

            assertThat(new TreeSet<>(zh.stringPropertyNames())).as("zh-CN keys of %s", bundle)
                    .isEqualTo(new TreeSet<>(en.stringPropertyNames()));
            for (String key : en.stringPropertyNames()) {
                if (!en.getProperty(key).isBlank()) {
                    assertThat(zh.getProperty(key)).as("zh-CN text of %s in %s", key, bundle).isNotBlank();
                }
            }
        }
    }

    @Test
    void everyMessageKeyATemplateNamesExists() throws IOException {
        Set<String> keys = new HashSet<>();
        for (String bundle : bundles()) {
            keys.addAll(load(I18N.resolve(bundle + ".properties")).stringPropertyNames());
        }
        // literal keys only: #{dashboard.title} or #{error.other.lead(${status})}; computed ones (#{'kind.' + …}) are checked in the browser
        Pattern literal = Pattern.compile("#\\{([A-Za-z][\\w.-]*)[}(]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(TEMPLATES.relativize(f) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theApplicationListsEveryBundle() throws IOException {
        String yml = Files.readString(Path.of("src/main/resources/application.yml"));
        for (String bundle : bundles()) {
            assertThat(yml).contains("i18n/" + bundle);
        }
    }

    private static List<String> bundles() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length())).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
