package org.openrfid.trace.passage;

import java.time.Instant;
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
        Direction direction) {

    public Passage {
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
