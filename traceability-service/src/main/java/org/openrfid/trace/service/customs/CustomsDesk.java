package org.openrfid.trace.service.customs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.alert.rules.customs.CustomsHolds;
import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.goods.Aggregation;
import org.openrfid.trace.service.registry.goods.Aggregations;
import org.openrfid.trace.service.registry.goods.GoodsItem;
import org.openrfid.trace.service.registry.goods.GoodsItems;
import org.openrfid.trace.service.registry.goods.UnitKind;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;

/**
 * What a customs officer does to a declaration: register or change it, hold it and release it. A hold
 * puts the declaration's pallets (declared, and those the registry has in its container), its goods
 * (declared by EPC, and the consignment's registered goods) on the {@code customs_hold} watchlist, so
 * the CUSTOMS_HOLD_EXIT rule fires at an exit gate; a release ends exactly those entries. Holds and
 * releases are audited and written to the declaration's history.
 */
public class CustomsDesk {

    static final int CONSIGNMENT_GOODS_LIMIT = 10_000;

    /** The declaration is not in a state that allows the step (409). */
    public static class StateConflict extends RuntimeException {
        public StateConflict(String message) {
            super(message);
        }
    }

    private final Declarations declarations;
    private final Watchlist watchlist;
    private final Aggregations aggregations;
    private final GoodsItems goods;
    private final TagBindings bindings;
    private final Auditor auditor;
    private final Clock clock;

    public CustomsDesk(Declarations declarations, Watchlist watchlist, Aggregations aggregations, GoodsItems goods, TagBindings bindings,
                       Auditor auditor, Clock clock) {
        this.declarations = declarations;
        this.watchlist = watchlist;
        this.aggregations = aggregations;
        this.goods = goods;
        this.bindings = bindings;
        this.auditor = auditor;
        this.clock = clock;
    }

    /**
     * Registers a new declaration or replaces one (keeping its first declaration time). HELD and
     * RELEASED are steps with a reason ({@link #hold}, {@link #release}), not values to set; a held
     * declaration keeps HELD until released.
     */
    public Declaration declare(Declaration d, String actor) {
        Declaration known = declarations.find(d.number()).orElse(null);
        DeclarationStatus was = known == null ? null : known.status();
        if (d.status() != was && (d.status() == DeclarationStatus.HELD || d.status() == DeclarationStatus.RELEASED)) {
            throw new IllegalArgumentException("status: " + d.status() + " is set by POST /api/v1/customs/declarations/"
                    + d.number() + "/" + (d.status() == DeclarationStatus.HELD ? "hold" : "release") + " with a reason");
        }
        if (was == DeclarationStatus.HELD && d.status() != DeclarationStatus.HELD) {
            throw new StateConflict("declaration " + d.number() + " is held: release it before setting " + d.status());
        }
        Instant now = clock.instant();
        Declaration stored = known == null ? d : new Declaration(d.number(), d.consignment(), d.container(), d.truckPlate(), d.epcs(),
                d.ssccs(), d.gtins(), d.status(), known.declaredAt());
        if (stored.equals(known)) {
            return known; // the same again (a repeated import): no change, no history step
        }
        declarations.save(stored);
        declarations.append(new DeclarationEvent(0, d.number(), now, known == null ? "DECLARED" : "CHANGED",
                describe(stored), actor, null));
        return stored;
    }

    public Declaration hold(String number, String reason, String actor) {
        String why = reason(reason);
        Declaration d = declarations.find(number).orElseThrow(() -> new NotFound(number));
        if (d.status() == DeclarationStatus.HELD || d.status() == DeclarationStatus.EXITED) {
            throw new StateConflict("declaration " + number + " is " + d.status() + ": nothing to hold");
        }
        Instant now = clock.instant();
        List<WatchlistEntry> entries = new ArrayList<>();
        for (Map.Entry<String, ObjectKind> u : units(d, now).entrySet()) {
            String id = u.getKey().substring(u.getKey().indexOf(':') + 1);
            entries.add(new WatchlistEntry(0, CustomsHolds.LIST, u.getValue(), id, null, subject(d), why, now, null));
        }
        watchlist.save(entries);
        Declaration held = d.withStatus(DeclarationStatus.HELD);
        declarations.save(held);
        declarations.append(new DeclarationEvent(0, number, now, "HOLD", why + " (" + entries.size() + " units on customs_hold)", actor, null));
        auditor.record("CUSTOMS_HOLD", "declaration " + number + ": " + why, null, (long) entries.size(), AuditOutcome.OK);
        return held;
    }

    public Declaration release(String number, String reason, String actor) {
        String why = reason(reason);
        Declaration d = declarations.find(number).orElseThrow(() -> new NotFound(number));
        if (d.status() != DeclarationStatus.HELD) {
            throw new StateConflict("declaration " + number + " is " + d.status() + ", not HELD");
        }
        Instant now = clock.instant();
        int ended = 0;
        for (Map.Entry<String, ObjectKind> u : units(d, now).entrySet()) {
            String id = u.getKey().substring(u.getKey().indexOf(':') + 1);
            for (WatchlistEntry e : watchlist.ofObject(u.getValue(), id)) {
                if (CustomsHolds.LIST.equals(e.list()) && subject(d).equals(e.subject()) && e.validTo() == null && watchlist.end(e.id(), now)) {
                    ended++;
                }
            }
        }
        Declaration released = d.withStatus(DeclarationStatus.RELEASED);
        declarations.save(released);
        declarations.append(new DeclarationEvent(0, number, now, "RELEASE", why + " (" + ended + " customs_hold entries ended)", actor, null));
        auditor.record("CUSTOMS_RELEASE", "declaration " + number + ": " + why, null, (long) ended, AuditOutcome.OK);
        return released;
    }

    /** The watchlist subject of the declaration's hold entries: how a release finds them again. */
    static String subject(Declaration d) {
        return "customs declaration " + d.number() + (d.consignment() == null ? "" : " (" + d.consignment() + ")");
    }

    /**
     * The units a hold covers, as "kind:id" → kind: declared and containerised pallets, goods declared by
     * EPC and bound now, the consignment's registered goods. The watchlist has no container kind, so a
     * container is held through the pallets in it.
     */
    private Map<String, ObjectKind> units(Declaration d, Instant at) {
        Map<String, ObjectKind> out = new LinkedHashMap<>();
        d.ssccs().forEach(s -> out.put("P:" + s, ObjectKind.PALLET));
        if (d.container() != null) {
            for (Aggregation a : aggregations.childrenAt(UnitKind.CONTAINER, d.container(), at)) {
                if (a.childKind() == UnitKind.PALLET) {
                    out.put("P:" + a.childId(), ObjectKind.PALLET);
                }
            }
        }
        for (String epc : d.epcs()) {
            bindings.at(epc, at).filter(b -> b.kind() == ObjectKind.GOODS || b.kind() == ObjectKind.PALLET)
                    .ifPresent(b -> out.put((b.kind() == ObjectKind.PALLET ? "P:" : "G:") + b.objectId(), b.kind()));
        }
        if (d.consignment() != null) {
            for (GoodsItem g : goods.ofConsignment(d.consignment(), CONSIGNMENT_GOODS_LIMIT)) {
                out.put("G:" + g.id(), ObjectKind.GOODS);
            }
        }
        return out;
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: a hold or release needs a reason");
        }
        if (reason.length() > 400) {
            throw new IllegalArgumentException("reason: longer than 400 characters");
        }
        return reason.trim();
    }

    static String describe(Declaration d) {
        return d.status() + ", " + d.ssccs().size() + " pallets, " + d.epcs().size() + " EPCs, " + d.gtins().size() + " GTIN lines"
                + (d.truckPlate() == null ? "" : ", truck " + d.truckPlate()) + (d.container() == null ? "" : ", container " + d.container());
    }

    /** No such declaration (404). */
    public static class NotFound extends RuntimeException {
        public NotFound(String number) {
            super("no customs declaration " + number);
        }
    }
}
