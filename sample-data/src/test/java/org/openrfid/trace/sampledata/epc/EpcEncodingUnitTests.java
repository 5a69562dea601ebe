package org.openrfid.trace.sampledata.epc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EpcEncodingUnitTests {

    @Test
    void encodesSgtin96AsTheTdsExample() {
        // TDS 1.13 App. E: urn:epc:tag:sgtin-96:3.0614141.812345.6789
        Sgtin96 sgtin = new Sgtin96(3, "0614141", "812345", 6789);
        assertThat(sgtin.hex()).isEqualTo("3074257BF7194E4000001A85");
        assertThat(sgtin.gtin()).isEqualTo("80614141123458");
        assertThat(sgtin.pureIdentityUri()).isEqualTo("urn:epc:id:sgtin:0614141.812345.6789");
    }

    @Test
    void encodesSgtin96UnderTheSecondTestPrefixAsFosstrak() {
        assertThat(new Sgtin96(3, "0037000", "030241", 1041970).hex()).isEqualTo("30740242201D8840000FE632");
    }

    @Test
    void encodesSscc96AsTheTdsExample() {
        Sscc96 sscc = new Sscc96(3, "0614141", "1234567890");
        assertThat(sscc.hex()).isEqualTo("3174257BF4499602D2000000");
        assertThat(sscc.sscc()).isEqualTo("106141412345678908");
    }

    @Test
    void encodesGiai96AndGid96AsTheTdsExamples() {
        assertThat(new Giai96(3, "0614141", 5678).hex()).isEqualTo("3474257BF40000000000162E");
        assertThat(new Gid96(31415, 271828, 1414).hex()).isEqualTo("350007AB70425D4000000586");
    }

    @Test
    void encodesTheFirstVehicleTagAsComputedByHand() {
        // 0x34 = 00110100 | filter 000 | partition 101 (7-digit prefix) | 9521001 = 0x914769 in 24 bits
        // | asset reference 100000000 = 0x5F5E100 in 58 bits
        // 0011 0100 0001 0110 0100 0101 0001 1101 1010 01 + 00...0101 1111 0101 1110 0001 0000 0000
        assertThat(new Giai96(0, "9521001", 100_000_000L).hex()).isEqualTo("3416451DA400000005F5E100");
        // same layout, asset reference 100000255 = 0x5F5E1FF
        assertThat(new Giai96(0, "9521001", 100_000_255L).hex()).isEqualTo("3416451DA400000005F5E1FF");
    }

    @Test
    void computesGs1CheckDigits() {
        assertThat(Gs1CheckDigit.of("8061414112345")).isEqualTo(8);
        assertThat(Gs1CheckDigit.of("10614141234567890")).isEqualTo(8);
        assertThat(Gs1CheckDigit.of("0003700030241")).isEqualTo(4);
    }

    @Test
    void rejectsValuesThatDoNotFitTheirField() {
        assertThatThrownBy(() -> new Sgtin96(1, "0614141", "812345", 1L << 38)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sgtin96(1, "0614141", "81234", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Giai96(0, "12345", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildsE2ClassTidsWithMaskDesignerModelAndSerial() {
        String tid = new Tid(Tid.Chip.IMPINJ_MONZA_R6, 0xABCDEFL).hex();
        assertThat(tid).isEqualTo("E28011602000000000ABCDEF");
        assertThat(tid).hasSize(24).startsWith("E2");
        long firstWord = Long.parseLong(tid.substring(0, 8), 16);
        assertThat((firstWord >>> 12) & 0x1FF).as("MDID Impinj").isEqualTo(0x001);
        assertThat(firstWord & 0xFFF).as("TMN Monza R6").isEqualTo(0x160);
        long nxp = Long.parseLong(new Tid(Tid.Chip.NXP_UCODE_8, 1).hex().substring(0, 8), 16);
        assertThat((nxp >>> 12) & 0x1FF).as("MDID NXP").isEqualTo(0x006);
    }

    @Test
    void scramblesTidSerialsWithoutCollisions() {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (long i = 0; i < 100_000; i++) {
            assertThat(seen.add(Tid.scrambledSerial(i, 99))).isTrue();
        }
    }
}
