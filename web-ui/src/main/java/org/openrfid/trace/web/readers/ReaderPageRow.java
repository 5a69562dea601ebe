package org.openrfid.trace.web.readers;

import java.time.Instant;
import java.util.List;

/**
 * A reader as the readers pages show it: where its antennas are (place names), its connection as the member
 * holding it knows it. {@code state} is null when another member holds the connection (its own console
 * shows the live figures).
 */
public record ReaderPageRow(String id, String address, String connection, boolean tls, String state, Instant since,
                            Instant lastKeepalive, long tagReports, double readsPerSecond, String lastError, String heldBy,
                            boolean heldHere, long flaps, boolean flapping, List<AntennaRow> antennas) {

    /** One antenna: port (0 = every antenna), place, the way it faces, lane and entry/exit role. */
    public record AntennaRow(int antenna, String locationId, String locationName, String direction, int lane, String role) {
    }

    public boolean disabled() {
        return "DISABLED".equals(state);
    }

    public boolean connected() {
        return "CONNECTED".equals(state);
    }

    /** The message key of the state as a person reads it. */
    public String stateKey() {
        return state == null ? "readers.state.elsewhere" : "readers.state." + state;
    }

    /** The places of its antennas, each once, in antenna order. */
    public List<String> placeNames() {
        return antennas.stream().map(AntennaRow::locationName).distinct().toList();
    }
}
