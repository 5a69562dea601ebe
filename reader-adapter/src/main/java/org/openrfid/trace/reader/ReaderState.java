package org.openrfid.trace.reader;

/** Where a reader connection is in its life cycle. */
public enum ReaderState {
    /** Opening the socket or running the LLRP set-up exchange. */
    CONNECTING,
    /** Set up and streaming reports. */
    CONNECTED,
    /** The link failed; waiting before the next attempt. */
    BACKOFF,
    /** Stopped on purpose; no further attempts. */
    DISABLED
}
