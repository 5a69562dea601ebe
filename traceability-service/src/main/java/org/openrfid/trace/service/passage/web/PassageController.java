package org.openrfid.trace.service.passage.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.passage.PassageStore;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Passages as JSON for machine clients and the live view. */
@RestController
@RequestMapping("/api/v1/passages")
@Validated
class PassageController {

    private final PassageStore store;
    private final Lookups lookups;

    PassageController(PassageStore store, Lookups lookups) {
        this.store = store;
        this.lookups = lookups;
    }

    /**
     * One stored passage as {@code GET /api/v1/passages} lists it, straight from the store with no
     * location lookup (queries answer with the located {@link org.openrfid.trace.service.passage.PassageView}).
     * RSSI is null when no reader reported it, lane is 0 off lanes and readPoints lists
     * {@code readerId/antenna} in the order they first saw the tag. {@code tid} is the first TID read with the
     * EPC (null when none was read); {@code otherTid}, only there when the passage's reads carried a second,
     * different TID, is the first such one (evidence of a cloned EPC).
     */
    record StoredPassageView(String id, String epc, int epcBits, String tagUri, String locationId, String readerId,
                             int antenna, Instant firstSeen, Instant lastSeen, int reads, Double peakRssi, String direction,
                             int lane, List<String> readPoints, String tid, @JsonInclude(JsonInclude.Include.NON_NULL) String otherTid) {

        static StoredPassageView of(Passage p) {
            return new StoredPassageView(p.id(), p.epc().toHex(), p.epc().bitLength(), p.tagUri(), p.locationId(), p.readerId(),
                    p.antenna(), p.firstSeen(), p.lastSeen(), p.reads(), Double.isNaN(p.peakRssiDbm()) ? null : p.peakRssiDbm(),
                    p.direction().name(), p.lane(), p.readPoints(), p.tid(), p.otherTid());
        }
    }

    record PassagePage(List<StoredPassageView> items, int limit) {
    }

    /**
     * The newest passages the caller's roles see, newest first. {@code limit} is 1..1000 (default 50); more is
     * refused, not cut. Audited as {@code PASSAGES_LATEST}.
     */
    @GetMapping
    PassagePage latest(@RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
        Scope scope = lookups.scope("PASSAGES_LATEST", "latest " + limit);
        PassagePage page = new PassagePage(store.latest(scope, limit).stream().map(StoredPassageView::of).toList(), limit);
        lookups.record("PASSAGES_LATEST", "latest " + limit, null, page.items().size());
        return page;
    }
}
