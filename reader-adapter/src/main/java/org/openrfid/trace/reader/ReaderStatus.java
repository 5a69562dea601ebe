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
 * @param flaps              connections that were set up but dropped before the stable period, since the
 *                           session started
 * @param flapping           whether the last few connections all dropped that soon (and the current one, if
 *                           any, has not yet outlived the stable period): the reader is up and down, and the
 *                           reconnect delays are growing rather than starting over
 */
public record ReaderStatus(
        String readerId,
        ReaderState state,
        Instant lastKeepalive,
        long tagReportsReceived,
        double readsPerSecond,
        String lastError,
        Instant since,
        long flaps,
        boolean flapping) {

    /** A status without flap history (a session that has never dropped early). */
    public ReaderStatus(String readerId, ReaderState state, Instant lastKeepalive, long tagReportsReceived,
            double readsPerSecond, String lastError, Instant since) {
        this(readerId, state, lastKeepalive, tagReportsReceived, readsPerSecond, lastError, since, 0, false);
    }
}
