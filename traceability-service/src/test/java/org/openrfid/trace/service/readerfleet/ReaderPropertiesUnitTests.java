package org.openrfid.trace.service.readerfleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.llrp.ConnectionMode;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class ReaderPropertiesUnitTests {

    static final ReaderDefinition SECURE = new ReaderDefinition("gate-1", "10.1.2.3", 5085, ConnectionMode.CLIENT, true,
            List.of(new ReaderDefinition.Antenna(1, "CP-1", "IN", 0)));

    @Test
    void aTlsReaderWithoutATrustStoreRefusesTheStart() {
        assertThatThrownBy(() -> new ReaderProperties(List.of(SECURE), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rfid.llrp.tls.trust-store");
        assertThatThrownBy(() -> new ReaderProperties(List.of(SECURE), new ReaderProperties.Llrp(null,
                new ReaderProperties.Tls(" ", null, "/etc/rfid/client.p12", null))))
                .hasMessageContaining("rfid.readers[0].tls");
        ReaderProperties ok = new ReaderProperties(List.of(SECURE), new ReaderProperties.Llrp(null,
                new ReaderProperties.Tls("/etc/rfid/readers-trust.p12", null, null, null)));
        assertThat(ok.llrp().tls().verifiesHostName()).as("host names are checked unless turned off").isTrue();
    }

    @Test
    void theHostNameCheckAndAllowedAddressesBindFromProperties() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("rfid.readers[0].id", "gate-9").withProperty("rfid.readers[0].host", "10.1.2.9")
                .withProperty("rfid.readers[0].port", "5084").withProperty("rfid.readers[0].connection", "READER_INITIATED")
                .withProperty("rfid.readers[0].allowed-addresses", "10.1.0.1,10.1.0.2")
                .withProperty("rfid.llrp.tls.trust-store", "/etc/rfid/readers-trust.p12")
                .withProperty("rfid.llrp.tls.verify-host-name", "false");
        ReaderProperties bound = Binder.get(env).bind("rfid", ReaderProperties.class).get();
        assertThat(bound.readers().get(0).allowedAddresses()).containsExactly("10.1.0.1", "10.1.0.2");
        assertThat(bound.llrp().tls().verifiesHostName()).isFalse();
    }

    @Test
    void llrpReadersReadTidsUnlessTurnedOff() {
        assertThat(new ReaderProperties(List.of(), null).llrp().readsTid()).isTrue();
        assertThat(Binder.get(new MockEnvironment().withProperty("rfid.llrp.listen-port", "5084"))
                .bind("rfid", ReaderProperties.class).get().llrp().readsTid()).isTrue();
        ReaderProperties off = Binder.get(new MockEnvironment().withProperty("rfid.llrp.read-tid", "false"))
                .bind("rfid", ReaderProperties.class).get();
        assertThat(off.llrp().readsTid()).isFalse();
        assertThat(org.openrfid.trace.service.pipeline.ReaderLinkConfiguration.llrpComponent(
                new org.openrfid.trace.reader.ReaderStatusBoard(), off.llrp()).isReadTid()).isFalse();
    }
}
