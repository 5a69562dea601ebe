package org.openrfid.trace.service.passage;

/** Order of passage results; ties on first-seen time are broken by passage id so pages are stable. */
public enum TimeOrder {
    OLDEST_FIRST, NEWEST_FIRST
}
