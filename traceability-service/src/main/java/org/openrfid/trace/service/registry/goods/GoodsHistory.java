package org.openrfid.trace.service.registry.goods;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openrfid.trace.service.passage.LocatedPassage;
import org.openrfid.trace.service.passage.PassageCursor;
import org.openrfid.trace.service.passage.PassageQueries;
import org.openrfid.trace.service.passage.TagWindow;
import org.openrfid.trace.service.passage.TimeOrder;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;

/**
 * "Where has this case been": the passages of the item's own tags during their bindings, and of the
 * tags of every unit it was aggregated into (pallet, then what held the pallet) during the
 * aggregation interval and that unit's binding. A pallet read places its cases.
 */
public class GoodsHistory {

    /** Aggregation levels followed upwards (case → pallet → container → ...). */
    static final int MAX_DEPTH = 4;

    /** A tag window and the unit whose tag it is ({@code GOODS <id>} for the item itself). */
    public record CarrierWindow(TagWindow window, UnitKind kind, String unitId) {
    }

    /** A passage and the unit through which it places the item. */
    public record Placed(LocatedPassage passage, UnitKind viaKind, String viaId) {
    }

    private final TagBindings bindings;
    private final Aggregations aggregations;
    private final PassageQueries passages;

    public GoodsHistory(TagBindings bindings, Aggregations aggregations, PassageQueries passages) {
        this.bindings = bindings;
        this.aggregations = aggregations;
        this.passages = passages;
    }

    /** The tag windows that place the unit within [from, to) (null bounds are open). */
    public List<CarrierWindow> windows(UnitKind kind, String id, Instant from, Instant to) {
        List<CarrierWindow> out = new ArrayList<>();
        collect(kind, id, from, to, 0, out);
        return out;
    }

    private void collect(UnitKind kind, String id, Instant from, Instant to, int depth, List<CarrierWindow> out) {
        ObjectKind ok = kind.objectKind();
        if (ok != null) {
            for (TagBinding b : bindings.ofObject(ok, id)) {
                TagWindow w = new TagWindow(b.epcHex(), b.validFrom(), b.validTo()).narrowedTo(from, to);
                if (w != null) {
                    out.add(new CarrierWindow(w, kind, id));
                }
            }
        }
        if (depth + 1 >= MAX_DEPTH) {
            return;
        }
        for (Aggregation a : aggregations.parentsOf(kind, id)) {
            TagWindow span = new TagWindow("-", a.validFrom(), a.validTo()).narrowedTo(from, to);
            if (span != null) {
                collect(a.parentKind(), a.parentId(), span.from(), span.to(), depth + 1, out);
            }
        }
    }

    /** One page (up to {@code limit}) of passages placing the unit, each with the unit whose tag was read. */
    public List<Placed> history(UnitKind kind, String id, Instant from, Instant to, PassageCursor after, TimeOrder order, int limit) {
        List<CarrierWindow> windows = windows(kind, id, from, to);
        List<LocatedPassage> found = passages.ofTags(windows.stream().map(CarrierWindow::window).toList(), after, order, limit);
        List<Placed> placed = new ArrayList<>(found.size());
        for (LocatedPassage lp : found) {
            CarrierWindow via = null;
            for (CarrierWindow w : windows) {
                if (w.window().epcHex().equals(lp.passage().epc().toHex()) && inside(w.window(), lp.passage().firstSeen())) {
                    via = w;
                    break;
                }
            }
            placed.add(new Placed(lp, via == null ? kind : via.kind(), via == null ? id : via.unitId()));
        }
        return placed;
    }

    private static boolean inside(TagWindow w, Instant t) {
        return (w.from() == null || !t.isBefore(w.from())) && (w.to() == null || t.isBefore(w.to()));
    }
}
