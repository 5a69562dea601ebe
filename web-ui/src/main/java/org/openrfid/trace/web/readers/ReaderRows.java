package org.openrfid.trace.web.readers;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openrfid.trace.reader.ReaderStatus;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.openrfid.trace.service.readerfleet.ReaderDefinition;
import org.openrfid.trace.web.console.DisplayNames;

/**
 * Readers as the readers pages show them, from their definitions and the connection as this member knows it:
 * the same rows for the page as rendered and for its live updates ({@link ReaderStateFeed}).
 */
class ReaderRows {

    private final ReaderConnections readers;
    private final DisplayNames names;

    ReaderRows(ReaderConnections readers, DisplayNames names) {
        this.readers = readers;
        this.names = names;
    }

    /** Every defined reader, by id. */
    List<ReaderPageRow> all() {
        return readers.all().stream().sorted(Comparator.comparing(ReaderDefinition::id)).map(this::row).toList();
    }

    Optional<ReaderPageRow> find(String id) {
        return readers.find(id).map(this::row);
    }

    ReaderPageRow row(ReaderDefinition d) {
        List<ReaderPageRow.AntennaRow> antennas = d.antennas().stream()
                .map(a -> new ReaderPageRow.AntennaRow(a.antenna(), a.location(), names.locationName(a.location()),
                        a.direction(), a.lane(), a.role()))
                .toList();
        String address = d.host() + ":" + d.port();
        if (d.disabled()) {
            return new ReaderPageRow(d.id(), address, d.connection().name(), d.tls(), "DISABLED", null, null, 0, 0, null, null, false, 0,
                    false, antennas);
        }
        boolean here = readers.heldHere().contains(d.id());
        String heldBy = readers.heldBy(d.id()).orElse(null);
        Optional<ReaderStatus> status = here ? readers.status(d.id()) : Optional.empty();
        if (status.isPresent()) {
            ReaderStatus s = status.get();
            return new ReaderPageRow(d.id(), address, d.connection().name(), d.tls(), s.state().name(), s.since(), s.lastKeepalive(),
                    s.tagReportsReceived(), Math.round(s.readsPerSecond() * 10) / 10.0, s.lastError(), heldBy, true, s.flaps(),
                    s.flapping(), antennas);
        }
        String state = heldBy != null && !here ? null : "CONNECTING";
        return new ReaderPageRow(d.id(), address, d.connection().name(), d.tls(), state, null, null, 0, 0, null, heldBy, here, 0, false,
                antennas);
    }
}
