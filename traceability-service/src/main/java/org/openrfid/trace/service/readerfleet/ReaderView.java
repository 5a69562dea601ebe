package org.openrfid.trace.service.readerfleet;

import java.time.Instant;
import java.util.List;
import org.openrfid.trace.reader.ReaderState;
import org.openrfid.trace.reader.ReaderStatus;
import org.openrfid.trace.reader.llrp.ConnectionMode;

/**
 * A reader as the API shows it: its definition, the member holding its connection ({@code heldBy}, host:port
 * of the Hazelcast member) and, when this member holds it, the live connection state. Asked on another
 * member, {@code state} and the counters are absent: that member's own API has them. A disabled reader is
 * {@code DISABLED} and held by nobody.
 */
record ReaderView(
        String id,
        String host,
        int port,
        ConnectionMode connection,
        boolean tls,
        List<ReaderDefinition.Antenna> antennas,
        List<String> allowedAddresses,
        ReaderState state,
        Instant stateSince,
        Instant lastKeepalive,
        long tagReportsReceived,
        double readsPerSecond,
        String lastError,
        String heldBy,
        long flaps,
        boolean flapping,
        boolean disabled) {

    /**
     * @param s         the live status when this member holds the connection, else null
     * @param heldHere  whether this member holds it
     * @param heldBy    the member holding it, null when none does (yet)
     */
    static ReaderView of(ReaderDefinition d, ReaderStatus s, boolean heldHere, String heldBy) {
        if (d.disabled()) {
            return new ReaderView(d.id(), d.host(), d.port(), d.connection(), d.tls(), d.antennas(), d.allowedAddresses(),
                    ReaderState.DISABLED, null, null, 0, 0, null, null, 0, false, true);
        }
        if (s == null) {
            // Held elsewhere: the state is that member's to tell. Held by nobody, or here before the session
            // registered: about to connect.
            ReaderState state = heldBy != null && !heldHere ? null : ReaderState.CONNECTING;
            return new ReaderView(d.id(), d.host(), d.port(), d.connection(), d.tls(), d.antennas(), d.allowedAddresses(), state,
                    null, null, 0, 0, null, heldBy, 0, false, false);
        }
        return new ReaderView(d.id(), d.host(), d.port(), d.connection(), d.tls(), d.antennas(), d.allowedAddresses(), s.state(), s.since(),
                s.lastKeepalive(), s.tagReportsReceived(), Math.round(s.readsPerSecond() * 10) / 10.0, s.lastError(), heldBy,
                s.flaps(), s.flapping(), false);
    }
}
