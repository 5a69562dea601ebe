package org.openrfid.trace.reader.simulator;

/**
 * What a simulated reader is, as opposed to how it is configured: its id (also its LLRP ReaderID),
 * antenna count and whether it is an Impinj reader with Octane extensions or a generic one.
 */
record ReaderIdentity(String id, int antennaCount, boolean impinj) {
}
