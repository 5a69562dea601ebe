package org.openrfid.trace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The identity package is a framework-free domain core (STYLE.md item 2). */
class IdentityArchitectureUnitTests {

    @Test
    void importsNoFramework() throws IOException {
        Path dir = Path.of("src/main/java/org/openrfid/trace/identity");
        assertThat(dir).isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            List<String> offending = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> {
                        try {
                            return Files.readAllLines(f).stream()
                                    .filter(l -> l.matches("import (static )?(org\\.springframework|org\\.apache\\.camel|com\\.hazelcast|java\\.sql|javax\\.sql|jakarta)\\..*"))
                                    .map(l -> f.getFileName() + ": " + l);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
            assertThat(offending).isEmpty();
        }
    }
}
