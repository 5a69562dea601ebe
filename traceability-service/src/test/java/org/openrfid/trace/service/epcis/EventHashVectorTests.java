package org.openrfid.trace.service.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * CBV 2.0 event hashes of every JSON-LD document of the reference event-hash-generator tests against
 * their expected {@code .hashes} (which win where a {@code .prehashes} file disagrees).
 */
class EventHashVectorTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyJsonLdDocumentHashesAsExpected() throws IOException {
        Path dir = SharedData.dir("data/epcis/event-hash-generator-tests");
        List<Path> docs;
        try (Stream<Path> files = Files.list(dir)) {
            docs = files.filter(p -> p.toString().endsWith(".jsonld"))
                    .filter(p -> Files.exists(sibling(p, ".hashes"))).sorted().toList();
        }
        assertThat(docs).hasSizeGreaterThanOrEqualTo(20);
        return docs.stream().map(doc -> DynamicTest.dynamicTest(doc.getFileName().toString(), () -> {
            List<String> expected = Files.readAllLines(sibling(doc, ".hashes")).stream()
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            JsonNode document = JSON.readTree(doc.toFile());
            Map<String, String> ns = EventHash.namespaces(document.get("@context"));
            var ignored = EventHash.ignoredFields(document, ns);
            List<String> pre = EventHash.events(document).stream().map(e -> EventHash.preHash(e, ns, ignored)).toList();
            assertThat(EventHash.hashes(document)).as("hashes of %s, pre-hash strings:%n%s", doc.getFileName(),
                    String.join("\n", pre)).containsExactlyElementsOf(expected);
        }));
    }

    @Test
    void timestampsAreUtcMillisecondsRounded() {
        assertThat(EventHash.utcMillis("2023-02-02T11:04:03.1415Z")).isEqualTo("2023-02-02T11:04:03.142Z");
        assertThat(EventHash.utcMillis("2022-02-16T20:33:31.116000-06:00")).isEqualTo("2022-02-17T02:33:31.116Z");
    }

    @Test
    void epcUrnsBecomeCanonicalDigitalLinks() {
        assertThat(DigitalLinks.normalise("urn:epc:id:sgtin:0614141.107346.2017"))
                .isEqualTo("https://id.gs1.org/01/10614141073464/21/2017");
        assertThat(DigitalLinks.normalise("urn:epc:id:sgln:0614141.07346.1234"))
                .isEqualTo("https://id.gs1.org/414/0614141073467/254/1234");
        assertThat(DigitalLinks.normalise("https://example.com/gtin/09780345418913/21/765tz?abc=211121"))
                .isEqualTo("https://id.gs1.org/01/09780345418913/21/765tz");
        assertThat(DigitalLinks.normalise("not a key")).isEqualTo("not a key");
    }

    static Path sibling(Path doc, String suffix) {
        String name = doc.getFileName().toString();
        return doc.resolveSibling(name.substring(0, name.lastIndexOf('.')) + suffix);
    }
}
