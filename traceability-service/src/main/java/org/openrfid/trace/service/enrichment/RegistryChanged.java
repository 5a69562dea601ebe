package org.openrfid.trace.service.enrichment;

import java.util.Set;

/** Registry changes the enrichment caches must hear of (Spring application events, relayed to every member). */
public sealed interface RegistryChanged {

    /** These tags' bindings changed (bound, unbound, closed by a re-bind). */
    record BindingsChanged(Set<String> epcHex) implements RegistryChanged {
        public BindingsChanged {
            epcHex = Set.copyOf(epcHex);
        }
    }

    /** Locations were saved or removed. */
    record LocationsChanged() implements RegistryChanged {
    }
}
