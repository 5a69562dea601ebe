package org.openrfid.trace.browser;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;

/** A group of passages through one gate as the gate feed closes it: what the desks' tests hand to {@code GateTransactions.record}. */
final class GatePassages {

    private GatePassages() {
    }

    /** One passage per object, each with a fresh tag (so every group makes a new transaction), read just now. */
    static List<EnrichedPassage> through(Location gate, Direction direction, BoundObject... objects) {
        LocationInfo at = new LocationInfo(gate.id(), gate.name(), gate.kind(), gate.lat(), gate.lon());
        Instant now = Instant.now();
        return java.util.Arrays.stream(objects).map(o -> {
            RawEpc epc = RawEpc.ofHex("E280" + String.format("%020X", ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
            Passage p = new Passage(PassageId.of(epc, gate.id(), Instants.toMicros(now)), epc, null, gate.id(), "rdr-test", 1, now,
                    now.plusSeconds(2), 4, -48, direction);
            return new EnrichedPassage(p, o, at);
        }).toList();
    }

    static BoundObject pallet(String sscc) {
        return new BoundObject(ObjectKind.PALLET, sscc);
    }

    static BoundObject book(String itemId) {
        return new BoundObject(ObjectKind.LIBRARY_ITEM, itemId);
    }
}
