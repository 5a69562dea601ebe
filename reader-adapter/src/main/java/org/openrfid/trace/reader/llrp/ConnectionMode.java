package org.openrfid.trace.reader.llrp;

/** Who opens the TCP connection (LLRP 1.0.1 §18.1 allows either side). */
public enum ConnectionMode {
    /** We dial the reader (port 5084, or 5085 with TLS). */
    CLIENT,
    /** The reader dials our listener and is matched to its configuration. */
    READER_INITIATED
}
