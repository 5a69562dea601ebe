package org.openrfid.trace.service.registry.binding;

import java.util.Collection;
import org.openrfid.trace.reader.RawEpc;

/**
 * Registers tags met in object files without a TID (port). Unlike {@code Tags.save} it never
 * touches a tag already registered, so a TID registered earlier is kept.
 */
public interface NewTags {

    /** @return how many were new */
    int registerMissing(Collection<RawEpc> epcs);
}
