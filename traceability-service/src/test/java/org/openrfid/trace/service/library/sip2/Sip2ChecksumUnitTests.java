package org.openrfid.trace.service.library.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * SIP2 error detection. Vectors: "990 402.00AY1AZ" → FCB4 is the SC Status example of the 3M SIP2 Developer's
 * Guide (page 26), as the checksum test of github.com/atz/SIPServer cites it; "97AZ" → FEF5 is the Request ACS
 * Resend test case of github.com/ceridwen-com/ceridwen-standard-interchange-protocol-library (ACSResend.java).
 */
class Sip2ChecksumUnitTests {

    @Test
    void publishedChecksumsComeOut() {
        assertThat(Sip2Checksum.of("990 402.00AY1AZ")).isEqualTo("FCB4");
        assertThat(Sip2Checksum.of("97AZ")).isEqualTo("FEF5");
    }

    @Test
    void aSealedMessageVerifiesAndAnyChangedCharacterBreaksIt() {
        String sealed = Sip2Checksum.seal("1720260302UTC 090000AOCQ-LIB|AB31200000001|", 3);
        assertThat(sealed).contains("AY3AZ").endsWith(Sip2Checksum.of(sealed.substring(0, sealed.length() - 4)));
        assertThat(Sip2Checksum.sealed(sealed)).isTrue();
        assertThat(Sip2Checksum.valid(sealed)).isTrue();
        assertThat(Sip2Checksum.valid(sealed.replace("31200000001", "31200000002"))).isFalse();
        assertThat(Sip2Checksum.seal("17", 12)).as("the sequence is one digit").contains("AY2AZ");
        // a message without error detection is neither sealed nor wrong
        assertThat(Sip2Checksum.sealed("941")).isFalse();
        assertThat(Sip2Checksum.valid("941")).isTrue();
    }

    @Test
    void itemInformationIsWrittenAndItsResponseReadFieldByField() {
        String request = Sip2Messages.itemInformation(java.time.Instant.parse("2026-03-02T09:00:00Z"), "CQ-LIB", "31200000001", null);
        assertThat(request).isEqualTo("1720260302UTC 090000AOCQ-LIB|AB31200000001|");
        ItemInformation info = Sip2Messages.parseItemInformation(
                "1804020120260302UTC 090000AB31200000001|AJPride and Prejudice|AH20260316    235900|AY4AZ0000").orElseThrow();
        assertThat(info.circulationStatus()).isEqualTo("04");
        assertThat(info.itemIdentifier()).isEqualTo("31200000001");
        assertThat(info.title()).isEqualTo("Pride and Prejudice");
        assertThat(info.fields()).containsEntry("AH", "20260316    235900").doesNotContainKey("AY");
        assertThat(info.loanStatus()).isEqualTo("on_loan");
        assertThat(Sip2Messages.parseItemInformation("941")).isEmpty();
        assertThat(Sip2Messages.parseItemInformation("18XX")).isEmpty();
    }
}
