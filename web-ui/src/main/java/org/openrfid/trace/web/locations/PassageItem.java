package org.openrfid.trace.web.locations;

import java.time.Instant;
import org.openrfid.trace.web.console.ObjectLabel;

/**
 * One passage at a place as its pages show it: what passed (the object's label, or the tag of one bound to
 * nothing), which of the place's locations (a lane), which way, when.
 *
 * @param kind  the object kind name, {@code TAG} for a tag bound to nothing
 * @param label null for a tag bound to nothing
 */
public record PassageItem(String id, String kind, ObjectLabel label, String tag, String epcHex, String locationId, String locationName,
                          String direction, int lane, Instant at) {
}
