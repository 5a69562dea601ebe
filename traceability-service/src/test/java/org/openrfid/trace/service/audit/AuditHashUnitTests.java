package org.openrfid.trace.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain hash is the documented encoding (docs/audit.md), byte for byte, and every field counts. */
class AuditHashUnitTests {

    static final Instant AT = Instant.parse("2026-12-03T07:00:00.120Z");

    static AuditRecord sample() {
        return AuditRecord.chain(2, AT, new AuditEntry("traffic1", List.of("ADMIN", "TRAFFIC"), "VEHICLE_TRAJECTORY", "渝B·D941W",
                "case 17", 3L, "192.0.2.1", AuditOutcome.OK), "a".repeat(64));
    }

    @Test
    void theCanonicalBytesAreLengthPrefixedFieldsInTheDocumentedOrder() {
        AuditRecord r = sample();
        assertThat(new String(AuditHash.canonical(r), StandardCharsets.UTF_8)).isEqualTo(
                "13:rfid-audit-v1" + "64:" + "a".repeat(64) + "1:2" + "27:2026-12-03T07:00:00.120000Z" + "8:traffic1"
                        + "16:5:ADMIN7:TRAFFIC" + "18:VEHICLE_TRAJECTORY" + "11:渝B·D941W" + "7:case 17" + "1:3" + "9:192.0.2.1" + "2:OK");
        AuditRecord empty = AuditRecord.chain(1, AT, new AuditEntry("x", List.of(), "LOGIN_FAILED", null, null, null, null,
                AuditOutcome.REFUSED), AuditHash.GENESIS);
        assertThat(new String(AuditHash.canonical(empty), StandardCharsets.UTF_8)).isEqualTo(
                "13:rfid-audit-v1" + "64:" + AuditHash.GENESIS + "1:1" + "27:2026-12-03T07:00:00.120000Z" + "1:x" + "0:"
                        + "12:LOGIN_FAILED" + "-" + "-" + "-" + "-" + "7:REFUSED");
    }

    /** The same value as the Python snippet in docs/audit.md prints for this record. */
    @Test
    void theHashIsSha256HexOfThoseBytes() {
        assertThat(sample().hash()).isEqualTo(PYTHON_HASH);
    }

    @Test
    void fieldsThatLookAlikeJoinedStillHashApart() {
        AuditRecord r = sample();
        AuditRecord shifted = AuditRecord.chain(2, AT, new AuditEntry("traffic1", List.of("ADMIN", "TRAFFIC"), "VEHICLE_TRAJECTORY",
                "渝B·D941Wcase 17", "", 3L, "192.0.2.1", AuditOutcome.OK), "a".repeat(64));
        AuditRecord rolesJoined = AuditRecord.chain(2, AT, new AuditEntry("traffic1", List.of("ADMINTRAFFIC"), "VEHICLE_TRAJECTORY",
                "渝B·D941W", "case 17", 3L, "192.0.2.1", AuditOutcome.OK), "a".repeat(64));
        AuditRecord emptyIp = AuditRecord.chain(2, AT, new AuditEntry("traffic1", List.of("ADMIN", "TRAFFIC"), "VEHICLE_TRAJECTORY",
                "渝B·D941W", "case 17", 3L, "", AuditOutcome.OK), "a".repeat(64));
        AuditRecord nullIp = AuditRecord.chain(2, AT, new AuditEntry("traffic1", List.of("ADMIN", "TRAFFIC"), "VEHICLE_TRAJECTORY",
                "渝B·D941W", "case 17", 3L, null, AuditOutcome.OK), "a".repeat(64));
        AuditRecord otherPrev = AuditRecord.chain(2, AT, new AuditEntry("traffic1", List.of("ADMIN", "TRAFFIC"), "VEHICLE_TRAJECTORY",
                "渝B·D941W", "case 17", 3L, "192.0.2.1", AuditOutcome.OK), "b".repeat(64));
        assertThat(List.of(shifted.hash(), rolesJoined.hash(), emptyIp.hash(), nullIp.hash(), otherPrev.hash())).doesNotContain(r.hash())
                .doesNotHaveDuplicates();
    }

    static final String PYTHON_HASH = "4e12baee212458d6f1dba6cec6196e1e6932a866159e1f3f73f10a7c1ea731de";
}
