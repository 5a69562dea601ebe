package org.openrfid.trace.service.passage;

import java.time.Instant;
import java.util.Objects;

/**
 * One tag's passages within [from, to): the tag itself, or the tag during one binding of an object.
 * A null bound is open.
 */
public record TagWindow(String epcHex, Instant from, Instant to) {

    public TagWindow {
        Objects.requireNonNull(epcHex, "epcHex");
    }

    /** This window narrowed to [from, to), or null when nothing is left. */
    public TagWindow narrowedTo(Instant otherFrom, Instant otherTo) {
        Instant f = from == null ? otherFrom : otherFrom == null || from.isAfter(otherFrom) ? from : otherFrom;
        Instant t = to == null ? otherTo : otherTo == null || to.isBefore(otherTo) ? to : otherTo;
        return f != null && t != null && !f.isBefore(t) ? null : new TagWindow(epcHex, f, t);
    }
}
