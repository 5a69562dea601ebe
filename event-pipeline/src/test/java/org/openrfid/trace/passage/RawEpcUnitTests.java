package org.openrfid.trace.passage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.RawEpc;

class RawEpcUnitTests {

    @Test
    void padBitsDoNotTakePartInEquality() {
        RawEpc junkPad = new RawEpc(new byte[] {(byte) 0x54}, 1);
        RawEpc cleanPad = new RawEpc(new byte[] {(byte) 0x00}, 1);

        assertThat(junkPad).isEqualTo(cleanPad).hasSameHashCodeAs(cleanPad);
        assertThat(junkPad.toHex()).isEqualTo("00");
    }

    @Test
    void hexRoundTripsAndRejectsGarbage() {
        assertThat(RawEpc.ofHex("3034257bf7194e4000001a85").toHex()).isEqualTo("3034257BF7194E4000001A85");
        assertThat(RawEpc.ofHex("3034257BF7194E4000001A85").bitLength()).isEqualTo(96);
        assertThatThrownBy(() -> RawEpc.ofHex("30ZZ")).hasMessageContaining("not hex");
        assertThatThrownBy(() -> RawEpc.ofHex("")).isInstanceOf(IllegalArgumentException.class);
    }
}
