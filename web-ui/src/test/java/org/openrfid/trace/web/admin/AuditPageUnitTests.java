package org.openrfid.trace.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AuditPageUnitTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void csvQuotesSeparatorsAndDefusesFormulas() {
        assertThat(AuditPageController.csv("vehicle 渝A·12345")).isEqualTo("vehicle 渝A·12345");
        assertThat(AuditPageController.csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditPageController.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditPageController.csv("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditPageController.csv("-1+2")).isEqualTo("'-1+2");
        assertThat(AuditPageController.csv(null)).isEmpty();
    }

    @Test
    void periodIsReadInTheConsoleZoneAndBadFieldsAreProblemsLeftOutOfTheFilter() {
        AuditPageFilter ok = new AuditPageFilter(" li.wei ", "", "VEHICLE_VIEWED", "2026-12-04T08:00", "2026-12-04T09:00:30", SHANGHAI);
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.toFilter().username()).isEqualTo("li.wei");
        assertThat(ok.toFilter().subject()).isNull();
        assertThat(ok.toFilter().from()).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
        assertThat(ok.toFilter().to()).isEqualTo(Instant.parse("2026-12-04T01:00:30Z"));

        AuditPageFilter bad = new AuditPageFilter("", "x".repeat(201), "", "2026-13-40T99:00", "", SHANGHAI);
        assertThat(bad.problems()).containsEntry("subject", "audit.problem.tooLong").containsEntry("from", "audit.problem.time");
        assertThat(bad.toFilter().subject()).isNull();
        assertThat(bad.toFilter().from()).isNull();

        AuditPageFilter backwards = new AuditPageFilter("", "", "", "2026-12-04T09:00", "2026-12-04T08:00", SHANGHAI);
        assertThat(backwards.problems()).containsEntry("to", "audit.problem.order");
        assertThat(backwards.toFilter().from()).isNull();
    }
}
