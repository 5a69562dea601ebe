package org.openrfid.trace.service.readerfleet;

import java.util.List;
import org.openrfid.trace.reader.llrp.ConnectionMode;

/**
 * The JSON body of POST and PUT {@code /api/v1/readers}. Loose on purpose: {@link ReaderDefinition}
 * validates and names the offending field, so every mistake gets the same kind of 400.
 */
record ReaderRequest(String id, String host, Integer port, ConnectionMode connection, Boolean tls, List<ReaderDefinition.Antenna> antennas,
        List<String> allowedAddresses, Boolean disabled) {

    /** Port 5084 (5085 with TLS) when omitted, as LLRP's IANA registrations suggest. */
    ReaderDefinition toDefinition(String pathId) {
        if (pathId != null && id != null && !pathId.equals(id)) {
            throw new IllegalArgumentException("id: '" + id + "' does not match the reader in the path, '" + pathId + "'");
        }
        boolean secure = Boolean.TRUE.equals(tls);
        int p = port != null ? port : secure ? 5085 : 5084;
        return new ReaderDefinition(pathId != null ? pathId : id, host, p, connection, secure, antennas, allowedAddresses,
                Boolean.TRUE.equals(disabled));
    }
}
