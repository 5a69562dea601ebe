package org.openrfid.trace.web.objects;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.openrfid.trace.service.alert.Alert;
import org.openrfid.trace.service.alert.AlertStatus;
import org.openrfid.trace.service.alert.Alerts;
import org.openrfid.trace.service.analytics.Analytics;
import org.openrfid.trace.service.analytics.CoLocationQuery;
import org.openrfid.trace.service.analytics.Companion;
import org.openrfid.trace.service.analytics.Level;
import org.openrfid.trace.service.analytics.Period;
import org.openrfid.trace.service.analytics.Subject;
import org.openrfid.trace.service.privacy.Callers;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.goods.Aggregation;
import org.openrfid.trace.service.registry.goods.Aggregations;
import org.openrfid.trace.service.registry.goods.UnitKind;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;
import org.openrfid.trace.web.console.DisplayNames;
import org.springframework.stereotype.Component;

/**
 * What surrounds an object on its page: its tags over time, watchlist entries, open alerts about it,
 * companions seen with it (who can be replayed with it) and what it held or was held in.
 */
@Component
class ObjectContext {

    static final int COMPANIONS = 10;
    static final Duration COMPANION_DELTA = Duration.ofMinutes(5);
    private static final int ALERTS_SCANNED = 500;

    private final TagBindings bindings;
    private final Watchlist watchlist;
    private final Alerts alerts;
    private final Analytics analytics;
    private final Aggregations aggregations;
    private final Callers callers;
    private final Lookups lookups;
    private final DisplayNames names;
    private final Clock clock;

    ObjectContext(TagBindings bindings, Watchlist watchlist, Alerts alerts, Analytics analytics, Aggregations aggregations, Callers callers,
                  Lookups lookups, DisplayNames names, Clock clock) {
        this.bindings = bindings;
        this.watchlist = watchlist;
        this.alerts = alerts;
        this.analytics = analytics;
        this.aggregations = aggregations;
        this.callers = callers;
        this.lookups = lookups;
        this.names = names;
        this.clock = clock;
    }

    /** A companion that can join the replay: its label and the path segment of its track. */
    record CompanionRow(String kind, String id, String title, String detailKey, String href, int shared, String trackKind) {
    }

    /** One unit inside another over an interval, labelled. */
    record Unit(String kind, String id, String title, String href, java.time.Instant from, java.time.Instant to, List<Unit> children) {
    }

    List<TagBinding> bindingsOf(TracedKind kind, String id) {
        ObjectKind ok = ObjectFacts.objectKind(kind);
        return ok == null ? List.of() : bindings.ofObject(ok, id).stream().sorted(Comparator.comparing(TagBinding::validFrom).reversed()).toList();
    }

    /** What a tag was bound to over time, newest first, labelled; bindings to kinds (or objects) the caller may not see are left out. */
    record OwnerSpan(org.openrfid.trace.web.console.ObjectLabel owner, java.time.Instant from, java.time.Instant to) {
    }

    List<OwnerSpan> ownersOf(String epcHex) {
        Scope scope = callers.scope();
        return bindings.ofTag(epcHex).stream()
                .filter(b -> scope.sees(b.kind().name()) && !lookups.hides(scope, b.kind().name(), b.objectId()))
                .sorted(Comparator.comparing(TagBinding::validFrom).reversed())
                .flatMap(b -> names.of(b.object()).map(label -> new OwnerSpan(label, b.validFrom(), b.validTo())).stream())
                .toList();
    }

    /** The object a tag is bound to now, labelled; null when none, or of a kind (or restricted) the caller does not see. */
    org.openrfid.trace.web.console.ObjectLabel ownerOf(String epcHex) {
        Scope scope = callers.scope();
        return bindings.at(epcHex, clock.instant())
                .filter(b -> scope.sees(b.kind().name()) && !lookups.hides(scope, b.kind().name(), b.objectId()))
                .flatMap(b -> names.of(b.object())).orElse(null);
    }

    List<WatchlistEntry> watchlistOf(TracedKind kind, String id) {
        ObjectKind ok = ObjectFacts.objectKind(kind);
        return ok == null ? List.of() : watchlist.ofObject(ok, id).stream().sorted(Comparator.comparing(WatchlistEntry::validFrom).reversed()).toList();
    }

    /** Open alerts about the object (for a tag: about that tag), of the kinds the caller sees, newest first. */
    List<Alert> openAlerts(TracedKind kind, String id, Set<String> epcs) {
        Scope scope = callers.scope();
        ObjectKind ok = ObjectFacts.objectKind(kind);
        List<Alert> page = alerts.page(new Alerts.Filter(AlertStatus.OPEN, null, ok, null, null, null, scope.unlimited() ? null : scope.kinds(),
                scope.unlimited() ? null : scope.onlyAt(), null, 0, ALERTS_SCANNED));
        List<Alert> about = page.stream().filter(a -> ok != null ? id.equals(a.objectId()) : a.epc() != null && epcs.contains(a.epc())).toList();
        lookups.record("ALERTS_LISTED", kind + ":" + id, null, about.size());
        return about;
    }

    /** Who was seen with the object in the period (as {@code /api/v1/analytics/companions} answers, and audited so). */
    List<CompanionRow> companions(ObjectPassages.Opened o, ReplayPeriod period) {
        ObjectKind ok = ObjectFacts.objectKind(o.kind());
        if (ok == null) {
            return List.of();
        }
        var windows = o.windows().apply(null, null);
        if (windows.isEmpty()) {
            return List.of();
        }
        Subject subject = new Subject(windows, List.of(), ok.name(), o.id());
        List<Companion> found = analytics.companions(new CoLocationQuery(subject, new Period(period.from(), period.to()), COMPANION_DELTA,
                Level.CHECKPOINT, 1, 0, null, COMPANIONS), callers.scope());
        List<Companion> shown = found.size() > COMPANIONS ? found.subList(0, COMPANIONS) : found;
        lookups.record("COMPANIONS", ok + ":" + o.id(), o.purpose(), shown.size());
        List<CompanionRow> rows = new ArrayList<>();
        for (Companion c : shown) {
            if (Scope.UNBOUND.equals(c.kind())) {
                rows.add(new CompanionRow(c.kind(), c.id(), c.id(), null, TracedKind.TAG.href(c.id()), c.shared(), TracedKind.TAG.path()));
                continue;
            }
            ObjectKind ck = ObjectKind.parse(c.kind());
            names.of(new BoundObject(ck, c.id())).ifPresent(l -> rows.add(new CompanionRow(ck.name(), c.id(), l.title(), l.typeKey(),
                    l.href(), c.shared(), TracedKind.of(ck).path())));
        }
        return rows;
    }

    /** For a pallet: the containers it was in; for a container or pallet: what is inside now, two levels deep. */
    List<Unit> heldIn(TracedKind kind, String id) {
        UnitKind unit = unitKind(kind);
        if (unit == null) {
            return List.of();
        }
        return aggregations.parentsOf(unit, id).stream().sorted(Comparator.comparing(Aggregation::validFrom).reversed())
                .map(a -> unit(a.parentKind(), a.parentId(), a, List.of())).toList();
    }

    List<Unit> contents(TracedKind kind, String id) {
        UnitKind unit = unitKind(kind);
        if (unit == null || unit == UnitKind.GOODS) {
            return List.of();
        }
        var now = clock.instant();
        return aggregations.childrenAt(unit, id, now).stream().map(a -> unit(a.childKind(), a.childId(), a,
                a.childKind() == UnitKind.PALLET ? aggregations.childrenAt(UnitKind.PALLET, a.childId(), now).stream()
                        .map(g -> unit(g.childKind(), g.childId(), g, List.of())).toList() : List.of())).toList();
    }

    private Unit unit(UnitKind kind, String id, Aggregation a, List<Unit> children) {
        String title = id;
        String href;
        if (kind == UnitKind.CONTAINER) {
            href = TracedKind.CONTAINER.href(id);
        } else {
            ObjectKind ok = kind.objectKind();
            title = names.of(new BoundObject(ok, id)).map(l -> l.title()).orElse(id);
            href = TracedKind.of(ok).href(id);
        }
        return new Unit(kind.name(), id, title, href, a.validFrom(), a.validTo(), children);
    }

    private static UnitKind unitKind(TracedKind kind) {
        return switch (kind) {
            case GOODS -> UnitKind.GOODS;
            case PALLET -> UnitKind.PALLET;
            case CONTAINER -> UnitKind.CONTAINER;
            default -> null;
        };
    }
}
