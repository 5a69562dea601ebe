package org.openrfid.trace.readers;

import java.time.Instant;
import java.util.List;
import org.openrfid.trace.reader.ReaderState;
import org.openrfid.trace.reader.ReaderStatus;
import org.openrfid.trace.reader.llrp.ConnectionMode;

/** A reader as the API shows it: its definition and its live connection state. */
record ReaderView(
        String id,
        String host,
        int port,
        ConnectionMode connection,
        boolean tls,
        List<ReaderDefinition.Antenna> antennas,
        ReaderState state,
        Instant stateSince,
        Instant lastKeepalive,
        long tagReportsReceived,
        double readsPerSecond,
        String lastError) {

    /** A reader whose session has not registered yet is about to connect. */
    static ReaderView of(ReaderDefinition d, ReaderStatus s) {
        if (s == null) {
            return new ReaderView(d.id(), d.host(), d.port(), d.connection(), d.tls(), d.antennas(), ReaderState.CONNECTING,
                    null, null, 0, 0, null);
        }
        return new ReaderView(d.id(), d.host(), d.port(), d.connection(), d.tls(), d.antennas(), s.state(), s.since(),
                s.lastKeepalive(), s.tagReportsReceived(), Math.round(s.readsPerSecond() * 10) / 10.0, s.lastError());
    }
}
