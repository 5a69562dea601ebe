package org.openrfid.trace.reader;

import java.time.Instant;

/**
 * A snapshot of one reader connection, for health checks and dashboards.
 *
 * @param readerId           the configured reader id
 * @param state              the connection state
 * @param lastKeepalive      when the reader's last KEEPALIVE arrived, or {@code null} if none yet
 * @param tagReportsReceived tag report lines (TagReportData) received since the session started
 * @param readsPerSecond     recent read rate
 * @param lastError          the last failure, or {@code null}
 * @param since              when the connection entered {@code state}
 */
public record ReaderStatus(
        String readerId,
        ReaderState state,
        Instant lastKeepalive,
        long tagReportsReceived,
        double readsPerSecond,
        String lastError,
        Instant since) {
}
