package org.openrfid.trace.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The Auditor fills in who and from where; a forwarded-for header the client wrote counts for nothing. */
class AuditorUnitTests {

    final List<AuditEntry> appended = new ArrayList<>();
    final Auditor auditor = new Auditor(new AuditTrail() {
        @Override
        public AuditRecord append(AuditEntry entry) {
            appended.add(entry);
            return null;
        }

        @Override
        public List<AuditRecord> page(AuditFilter filter, Long beforeId, int limit) {
            return List.of();
        }

        @Override
        public AuditVerification verify() {
            return AuditVerification.ok(0);
        }
    });

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void theLoggedInUserAndTheContainersClientAddressAreRecorded() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("traffic1", null,
                AuthorityUtils.createAuthorityList("ROLE_TRAFFIC", "ROLE_ADMIN", "SCOPE_other")));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("198.51.100.4");
        request.addHeader("X-Forwarded-For", "10.9.9.9");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        auditor.record("VEHICLE_TRAJECTORY", "渝B·D941W", "case 17", 5L, AuditOutcome.OK);

        assertThat(appended).containsExactly(new AuditEntry("traffic1", List.of("ADMIN", "TRAFFIC"), "VEHICLE_TRAJECTORY", "渝B·D941W",
                "case 17", 5L, "198.51.100.4", AuditOutcome.OK));
    }

    @Test
    void withoutLoginOrRequestTheRecordSaysAnonymousAndNoAddress() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("k", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        auditor.record("PASSAGE_LIST", null, null, 0L, AuditOutcome.REFUSED);
        assertThat(appended).containsExactly(new AuditEntry("anonymous", List.of(), "PASSAGE_LIST", null, null, 0L, null, AuditOutcome.REFUSED));
    }

    @Test
    void overlongTextsAreCutNotRefused() {
        AuditEntry e = new AuditEntry("u".repeat(300), List.of(), "X", "s".repeat(900), null, null, null, AuditOutcome.OK);
        assertThat(e.username()).hasSize(AuditEntry.USERNAME_MAX);
        assertThat(e.subject()).hasSize(AuditEntry.TEXT_MAX);
    }
}
