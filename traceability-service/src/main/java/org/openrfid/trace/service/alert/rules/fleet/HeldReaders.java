package org.openrfid.trace.service.alert.rules.fleet;

import java.util.Collection;
import org.openrfid.trace.reader.ReaderStatus;
import org.openrfid.trace.service.location.LocationInfo;

/**
 * The readers whose connections this member holds, with their live status, and where they stand.
 * Only held readers: in a cluster each reader's outage is seen, and raised, by one member.
 */
public interface HeldReaders {

    Collection<ReaderStatus> statuses();

    /** The location of the reader's antenna (0: any of its antennas), or null when not known. */
    LocationInfo locationOf(String readerId, int antenna);
}
