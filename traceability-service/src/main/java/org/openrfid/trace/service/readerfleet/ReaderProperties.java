package org.openrfid.trace.service.readerfleet;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rfid.readers[n].*}: readers configured at start, and {@code rfid.llrp.*}: how the LLRP
 * component listens and dials, e.g.
 * <pre>
 * rfid.readers[0].id=gate-7-east
 * rfid.readers[0].host=10.1.2.3
 * rfid.readers[0].port=5084
 * rfid.readers[0].connection=CLIENT          # or READER_INITIATED
 * rfid.readers[0].tls=false                  # true: LLRP over TLS, port 5085 by convention
 * rfid.readers[0].allowed-addresses=10.1.0.1  # reader-initiated: other sources it may call from (a NAT)
 * rfid.readers[0].antennas[0].antenna=1
 * rfid.readers[0].antennas[0].location=GATE-7
 * rfid.readers[0].antennas[0].direction=IN
 * rfid.readers[0].antennas[0].role=ENTRY     # or EXIT: direction from the order of reads
 * rfid.llrp.listen-port=5084                 # for READER_INITIATED readers
 * rfid.llrp.tls.trust-store=/etc/rfid/readers-trust.p12
 * rfid.llrp.tls.trust-store-password=${READER_TRUST_PASSWORD}
 * rfid.llrp.tls.key-store=/etc/rfid/client.p12  # only when readers require client certificates
 * rfid.llrp.tls.key-store-password=${READER_KEY_PASSWORD}
 * </pre>
 */
@ConfigurationProperties("rfid")
public record ReaderProperties(List<ReaderDefinition> readers, Llrp llrp) {

    public ReaderProperties {
        readers = readers == null ? List.of() : List.copyOf(readers);
        llrp = llrp == null ? new Llrp(null, null) : llrp;
    }

    /** @param listenPort port for reader-initiated connections; 5084 when unset */
    public record Llrp(Integer listenPort, Tls tls) {
    }

    /** Stores for LLRP over TLS; without a trust store the JDK's default trust applies. */
    public record Tls(String trustStore, String trustStorePassword, String keyStore, String keyStorePassword) {
    }
}
