package org.openrfid.trace.service.registry.binding;

import java.util.Collection;
import java.util.Optional;

/** The registry of physical tags (port). */
public interface Tags {

    /** Inserts or replaces by EPC. */
    void save(Collection<Tag> tags);

    Optional<Tag> find(String epcHex);
}
