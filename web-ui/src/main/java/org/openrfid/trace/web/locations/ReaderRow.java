package org.openrfid.trace.web.locations;

import java.time.Instant;
import java.util.List;

/**
 * A reader with antennas at a place, as the place's page shows it.
 *
 * @param state     CONNECTING, CONNECTED, BACKOFF, DISABLED; null when another member holds its connection
 * @param heldBy    the member holding the connection (host:port), null when none does (yet)
 * @param antennas  its antennas at this place
 */
public record ReaderRow(String id, String host, int port, String state, Instant since, Instant lastKeepalive, double readsPerSecond,
                        String lastError, String heldBy, boolean heldHere, List<AntennaRow> antennas) {

    /** One antenna: where (location id and name), which way and which lane. */
    public record AntennaRow(int antenna, String locationId, String locationName, String direction, int lane) {
    }

    public boolean connected() {
        return "CONNECTED".equals(state);
    }
}
