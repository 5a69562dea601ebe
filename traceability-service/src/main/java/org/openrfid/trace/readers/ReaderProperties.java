package org.openrfid.trace.readers;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rfid.readers[n].*}: readers configured at start, e.g.
 * <pre>
 * rfid.readers[0].id=gate-7-east
 * rfid.readers[0].host=10.1.2.3
 * rfid.readers[0].port=5084
 * rfid.readers[0].antennas[0].antenna=1
 * rfid.readers[0].antennas[0].location=GATE-7
 * rfid.readers[0].antennas[0].direction=IN
 * </pre>
 */
@ConfigurationProperties("rfid")
public record ReaderProperties(List<ReaderDefinition> readers) {

    public ReaderProperties {
        readers = readers == null ? List.of() : List.copyOf(readers);
    }
}
