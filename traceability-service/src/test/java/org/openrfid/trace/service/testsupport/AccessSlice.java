package org.openrfid.trace.service.testsupport;

import org.openrfid.trace.service.audit.AuditConfiguration;
import org.openrfid.trace.service.audit.jdbc.AuditStoreConfiguration;
import org.openrfid.trace.service.privacy.PrivacyConfiguration;
import org.openrfid.trace.service.privacy.jdbc.PrivacyStoreConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The audit trail and the privacy checks every tracking endpoint goes through, for web-slice tests
 * (they need a data source, a transaction manager and a clock). Slices whose security filters are off
 * run their requests as a {@code @WithMockUser}: an anonymous caller sees no tracking data.
 * Not a {@code @Configuration}, for the reason given on {@link H2StoreSlice}.
 */
@Import({AuditStoreConfiguration.class, AuditConfiguration.class, PrivacyStoreConfiguration.class, PrivacyConfiguration.class})
public class AccessSlice {
}
