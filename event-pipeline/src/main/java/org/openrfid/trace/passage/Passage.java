package org.openrfid.trace.passage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.openrfid.trace.reader.RawEpc;

/**
 * A completed presence of one tag at one location: the fact people act on.
 *
 * @param id          deterministic id (see {@link PassageId}), so storing a replayed passage is harmless
 * @param epc         the tag's EPC, bit-exact
 * @param tagUri      the EPC tag URI when the EPC decodes, else null
 * @param locationId  where
 * @param readerId    the reader that saw it first
 * @param antenna     the antenna that saw it first
 * @param firstSeen   first read (reader time)
 * @param lastSeen    last read (reader time)
 * @param reads       number of reads merged into this passage
 * @param peakRssiDbm strongest RSSI seen, NaN when no reader reported RSSI
 * @param direction   direction of travel when read points say so
 * @param lane        lane of the read point where the tag was strongest, 0 when not a lane
 * @param readPoints  the read points that saw the tag, as {@code readerId/antenna}, in the order they
 *                    first saw it (at most {@link #MAX_READ_POINTS})
 */
public record Passage(
        String id,
        RawEpc epc,
        String tagUri,
        String locationId,
        String readerId,
        int antenna,
        Instant firstSeen,
        Instant lastSeen,
        int reads,
        double peakRssiDbm,
        Direction direction,
        int lane,
        List<String> readPoints) {

    /** A tag bouncing between antennas must not grow a passage without bound. */
    public static final int MAX_READ_POINTS = 8;

    /** A passage without lane and read point trail (as stores that do not keep them return it). */
    public Passage(String id, RawEpc epc, String tagUri, String locationId, String readerId, int antenna,
                   Instant firstSeen, Instant lastSeen, int reads, double peakRssiDbm, Direction direction) {
        this(id, epc, tagUri, locationId, readerId, antenna, firstSeen, lastSeen, reads, peakRssiDbm, direction, 0, List.of());
    }

    public Passage {
        readPoints = readPoints == null ? List.of() : List.copyOf(readPoints);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(epc, "epc");
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        direction = direction == null ? Direction.NONE : direction;
        if (reads < 1) {
            throw new IllegalArgumentException("a passage has at least one read");
        }
    }
}
