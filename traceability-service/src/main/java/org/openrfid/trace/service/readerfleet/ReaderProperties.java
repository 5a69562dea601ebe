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
 * rfid.llrp.read-tid=true                    # read every tag's TID with its EPC (false: EPC only, no clone-TID checks)
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
        llrp = llrp == null ? new Llrp(null, null, null) : llrp;
        for (int i = 0; i < readers.size(); i++) {
            if (readers.get(i).tls() && !llrp.hasTrustStore()) {
                throw new IllegalStateException("rfid.readers[" + i + "].tls=true needs rfid.llrp.tls.trust-store: a reader's"
                        + " certificate is checked against the readers' own trust store, not the JDK's public CAs");
            }
        }
    }

    /**
     * @param listenPort port for reader-initiated connections; 5084 when unset
     * @param readTid    whether LLRP readers are asked for each tag's TID with its EPC (an AccessSpec reading the
     *                   TID bank); true when unset, because passages keep the TID and the clone checks need it
     */
    public record Llrp(Integer listenPort, Tls tls, Boolean readTid) {

        @org.springframework.boot.context.properties.bind.ConstructorBinding
        public Llrp {
        }

        /** Reading TIDs. */
        public Llrp(Integer listenPort, Tls tls) {
            this(listenPort, tls, null);
        }

        public boolean readsTid() {
            return !Boolean.FALSE.equals(readTid);
        }

        /** Whether readers on TLS can be trusted at all: there is no TLS reader without a trust store. */
        public boolean hasTrustStore() {
            return tls != null && tls.trustStore() != null && !tls.trustStore().isBlank();
        }
    }

    /**
     * Stores for LLRP over TLS. The reader's certificate must be in (or signed by one in) the trust store and
     * name the host it is dialled at (SAN); {@code verifyHostName=false} drops the name check only, for readers
     * whose certificates name no address (say so in the deployment's notes: any trusted reader can then pose as any other).
     */
    public record Tls(String trustStore, String trustStorePassword, String keyStore, String keyStorePassword, Boolean verifyHostName) {

        public Tls(String trustStore, String trustStorePassword, String keyStore, String keyStorePassword) {
            this(trustStore, trustStorePassword, keyStore, keyStorePassword, null);
        }

        @org.springframework.boot.context.properties.bind.ConstructorBinding
        public Tls {
        }

        public boolean verifiesHostName() {
            return !Boolean.FALSE.equals(verifyHostName);
        }
    }
}
