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
 * @param tid         the first TID (chip serial, upper-case hex) read with the EPC in this presence, or null
 *                    when no read carried one
 * @param otherTid    the first TID that differed from {@code tid} within the same presence, or null: one EPC
 *                    answering with two chip serials at once is evidence of a cloned EPC
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
        List<String> readPoints,
        String tid,
        String otherTid) {

    /** A tag bouncing between antennas must not grow a passage without bound. */
    public static final int MAX_READ_POINTS = 8;

    /** Longest TID kept, in hex digits (512 bits, beyond any TID bank in use; the store's column holds this many). */
    public static final int MAX_TID_HEX = 128;

    /** A passage without TIDs (as before TIDs were kept, and as stores that do not keep them return it). */
    public Passage(String id, RawEpc epc, String tagUri, String locationId, String readerId, int antenna,
                   Instant firstSeen, Instant lastSeen, int reads, double peakRssiDbm, Direction direction, int lane,
                   List<String> readPoints) {
        this(id, epc, tagUri, locationId, readerId, antenna, firstSeen, lastSeen, reads, peakRssiDbm, direction, lane, readPoints,
                null, null);
    }

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
        if (tid == null && otherTid != null) {
            throw new IllegalArgumentException("a second TID needs a first one");
        }
    }

    /** This passage with the TIDs its reads carried (see {@link #tid()}, {@link #otherTid()}). */
    public Passage withTid(String newTid, String newOtherTid) {
        return new Passage(id, epc, tagUri, locationId, readerId, antenna, firstSeen, lastSeen, reads, peakRssiDbm, direction, lane,
                readPoints, newTid, newOtherTid);
    }

    /** Whether the reads of this passage carried two different TIDs. */
    public boolean hasTidConflict() {
        return otherTid != null;
    }
}
