package org.openrfid.trace.service.library;

import org.openrfid.trace.service.registry.library.LibraryItem;

/**
 * The loan status a library gate acts on. By default the registry's own; with a SIP2 library system
 * configured, the library system's answer, falling back to the registry's when it does not answer in time.
 */
public interface GateCirculation {

    /** The registry's status as it stands: what the gate used before SIP2 and uses without it. */
    GateCirculation LOCAL = LibraryItem::loanStatus;

    /** One of {@link LibraryItem#STATUSES}. */
    String loanStatus(LibraryItem item);
}
