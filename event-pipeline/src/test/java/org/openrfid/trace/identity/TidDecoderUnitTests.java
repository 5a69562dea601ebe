package org.openrfid.trace.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** TIDs of common chips; MDID/TMN pairs as listed in klks/UHF_RFID_Notes TAGS.md and the GS1 MDID list. */
class TidDecoderUnitTests {

    @Test
    void decodesAnImpinjTidWithXtidSerial() {
        // Monza 4QT (XTID + MDID 001, TMN 105); XTID header 2001: serialisation 1 = 48-bit serial at 30h
        TidInfo tid = TidDecoder.decode("E2801105200100112233445566");
        assertThat(tid.e2Class()).isTrue();
        assertThat(tid.xtid()).isTrue();
        assertThat(tid.maskDesignerId()).isEqualTo(0x801);
        assertThat(tid.designer()).isEqualTo(1);
        assertThat(tid.tagModelNumber()).isEqualTo(0x105);
        assertThat(tid.mdidName()).isEqualTo("Impinj");
        assertThat(tid.serialHex()).isEqualTo("001122334455");
    }

    @Test
    void decodesTidsWithoutXtidAsOpaqueSerial() {
        TidInfo alien = TidDecoder.decode("E2003412013CFE0011223344");
        assertThat(alien.xtid()).isFalse();
        assertThat(alien.designer()).isEqualTo(3);
        assertThat(alien.tagModelNumber()).isEqualTo(0x412);
        assertThat(alien.mdidName()).isEqualTo("Alien Technology");
        assertThat(alien.serialHex()).isEqualTo("013CFE0011223344");
        TidInfo nxp = TidDecoder.decode("E2806894");
        assertThat(nxp.mdidName()).isEqualTo("NXP Semiconductors");
        assertThat(nxp.tagModelNumber()).isEqualTo(0x894);
        assertThat(TidDecoder.decode("E2 1FF0001".replace(" ", "")).mdidName()).isEqualTo("unknown");
    }

    @Test
    void handlesOtherAllocationClassesAndBadInput() {
        TidInfo iso = TidDecoder.decode("E004010203040506");
        assertThat(iso.e2Class()).isFalse();
        assertThat(iso.maskDesignerId()).isEqualTo(4);
        assertThat(iso.designer()).isEqualTo(-1);
        assertThat(iso.serialHex()).isEqualTo("010203040506");
        assertThatThrownBy(() -> TidDecoder.decode("E28011")).isInstanceOf(InvalidEpcException.class).hasMessageContaining("32 bits");
        assertThatThrownBy(() -> TidDecoder.decode("E28G1105")).hasMessageContaining("non-hex character 'G'");
    }
}
