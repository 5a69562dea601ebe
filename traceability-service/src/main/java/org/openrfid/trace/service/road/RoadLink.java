package org.openrfid.trace.service.road;

/**
 * An undirected road between two locations with its driving distance. The ends are kept in id order
 * ({@code from} is the smaller), so A–B and B–A are one link.
 *
 * @param distanceM driving distance, metres, &gt; 0
 */
public record RoadLink(String from, String to, double distanceM) {

    /** Longer than any road between two checkpoints of one network (half the earth's circumference). */
    public static final double MAX_DISTANCE_M = 20_000_000;

    public RoadLink {
        from = locationId("from", from);
        to = locationId("to", to);
        if (from.equals(to)) {
            throw new IllegalArgumentException("to: a road link joins two different locations, both are " + from);
        }
        if (!(distanceM > 0 && distanceM <= MAX_DISTANCE_M)) {
            throw new IllegalArgumentException("distance_m: " + distanceM + " is not a distance in metres (0 < d <= " + (long) MAX_DISTANCE_M + ")");
        }
        if (from.compareTo(to) > 0) {
            String t = from;
            from = to;
            to = t;
        }
    }

    /** Whether this link joins the two locations (either way round). */
    public boolean joins(String a, String b) {
        return from.equals(a) && to.equals(b) || from.equals(b) && to.equals(a);
    }

    static String locationId(String field, String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.length() > 64) {
            throw new IllegalArgumentException((field == null ? "" : field + ": ") + "a location id is 1..64 characters, was '"
                    + (text == null ? "" : text) + "'");
        }
        return t;
    }
}
