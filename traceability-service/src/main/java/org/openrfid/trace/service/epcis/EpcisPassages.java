package org.openrfid.trace.service.epcis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openrfid.trace.service.privacy.Scope;

/** Stored passages as EPCIS needs them: with their location's EPCIS configuration, in (last seen, id) order (port). */
public interface EpcisPassages {

    /** One passage with the configuration of its location (all parts null when the location has none). */
    record Row(String id, String epcHex, int bits, String tagUri, String locationId, String direction, Instant lastSeen,
            LocationConfig config) {
    }

    /**
     * Up to {@code limit} passages last seen in [{@code notBefore}, {@code before}) (either null: open),
     * whose tag URI matches one of the LIKE patterns (escape {@code !}) and whose location is one of these
     * (empty optional: any), that the scope sees, after the cursor of the merged EPCIS order.
     */
    List<Row> page(Instant notBefore, Instant before, Optional<List<String>> tagUriPatterns, Optional<List<String>> locationIds,
            Scope scope, EpcisEvents.Cursor after, int limit);

    /** The ids of the registered locations that are SGLNs ({@code urn:epc:id:sgln:…}). */
    List<String> sglnLocationIds();
}
