package org.openrfid.trace.service.alert.rules.watchlist;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.openrfid.trace.pipeline.SmoothingStage.TagArrival;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertSink;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;

/**
 * {@code WATCHLIST}: an object on an active watchlist entry (by object, or by the EPC the entry names)
 * is read. The tag's arrival raises it at once (the first read at a location, seconds before its
 * passage completes); the passage raises it too when the entry names the object but not that EPC. One
 * alert per object and debounce window, naming every list it is on.
 *
 * <p>Params: {@code lists} (only these lists; empty: all), {@code excludeLists} (never these; the
 * default rule leaves {@code customs_hold} to {@code CUSTOMS_HOLD_EXIT}, which knows a gate's direction),
 * {@code severityByList} (a list's severity where it differs from the rule's: the highest of the lists hit wins).
 */
final class WatchlistRule implements Rule {

    private final RuleDefinition definition;
    private final WatchlistIndex index;
    private final Function<String, LocationInfo> locations;
    private final Function<String, String> plateOfVehicle;
    private final Set<String> lists;
    private final Set<String> excluded;
    private final Map<String, Severity> severityByList = new java.util.HashMap<>();

    WatchlistRule(RuleDefinition definition, WatchlistIndex index, Function<String, LocationInfo> locations,
                  Function<String, String> plateOfVehicle) {
        this.definition = definition;
        this.index = index;
        this.locations = locations;
        this.plateOfVehicle = plateOfVehicle;
        this.lists = names(definition.p().list("lists"), "lists");
        this.excluded = names(definition.p().list("excludeLists"), "excludeLists");
        definition.p().map("severityByList").forEach((list, sev) -> {
            try {
                severityByList.put(WatchlistEntry.listName(list), Severity.parse("params.severityByList." + list, sev));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().startsWith("params.") ? e.getMessage() : "params.severityByList: " + e.getMessage());
            }
        });
    }

    private static Set<String> names(List<String> given, String field) {
        Set<String> out = new TreeSet<>();
        for (String s : given) {
            try {
                out.add(WatchlistEntry.listName(s));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("params." + field + ": " + e.getMessage());
            }
        }
        return out;
    }

    @Override
    public RuleDefinition definition() {
        return definition;
    }

    @Override
    public void onArrival(TagArrival arrival, AlertSink alerts) {
        if (!definition.covers(arrival.locationId())) {
            return;
        }
        List<WatchlistEntry> hits = relevant(index.active(null, null, arrival.epc(), arrival.firstSeen()));
        if (!hits.isEmpty()) {
            String epc = arrival.epc().toHex();
            WatchlistEntry first = hits.get(0);
            raise(alerts, hits, first.kind(), first.objectId(), epc, arrival.locationId(), locations.apply(arrival.locationId()),
                    arrival.firstSeen(), Map.of("reader", arrival.readerId(), "firstSeen", arrival.firstSeen().toString(), "on", "arrival"));
        }
    }

    @Override
    public void onPassage(EnrichedPassage p, AlertSink alerts) {
        if (!definition.covers(p.passage().locationId())) {
            return;
        }
        BoundObject o = p.object();
        List<WatchlistEntry> hits = relevant(index.active(o == null ? null : o.kind(), o == null ? null : o.id(), p.passage().epc(),
                p.passage().firstSeen()));
        if (hits.isEmpty()) {
            return;
        }
        String epc = p.passage().epc().toHex();
        Map<String, Object> passage = new LinkedHashMap<>();
        passage.put("passageId", p.passage().id());
        passage.put("firstSeen", p.passage().firstSeen().toString());
        passage.put("lastSeen", p.passage().lastSeen().toString());
        passage.put("reader", p.passage().readerId());
        passage.put("direction", p.passage().direction().name());
        passage.put("on", "passage");
        raise(alerts, hits, o != null ? o.kind() : hits.get(0).kind(), o != null ? o.id() : hits.get(0).objectId(), epc,
                p.passage().locationId(), p.location() != null ? p.location() : locations.apply(p.passage().locationId()),
                p.passage().firstSeen(), passage);
    }

    private List<WatchlistEntry> relevant(List<WatchlistEntry> active) {
        if (active.isEmpty()) {
            return active;
        }
        return active.stream().filter(e -> (lists.isEmpty() || lists.contains(e.list())) && !excluded.contains(e.list())).toList();
    }

    private void raise(AlertSink alerts, List<WatchlistEntry> hits, ObjectKind kind, String objectId, String epc, String locationId,
                       LocationInfo location, Instant at, Map<String, Object> seen) {
        String plate = kind == ObjectKind.VEHICLE ? plateOfVehicle.apply(objectId) : null;
        Set<String> names = new TreeSet<>();
        hits.forEach(e -> names.add(e.list()));
        String who = plate != null ? plate : hits.get(0).subject() != null ? hits.get(0).subject() : kind.name().toLowerCase() + " " + objectId;
        String where = location != null ? location.name() : locationId;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("lists", List.copyOf(names));
        evidence.put("entries", hits.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("list", e.list());
            m.put("reason", e.reason());
            m.put("since", e.validFrom().toString());
            if (e.subject() != null) {
                m.put("subject", e.subject());
            }
            return m;
        }).toList());
        evidence.put("seen", seen);
        Severity severity = hits.stream().map(e -> severityByList.getOrDefault(e.list(), definition.severity()))
                .max(Enum::compareTo).orElse(definition.severity());
        alerts.raise(new AlertCandidate(AlertType.WATCHLIST, definition.id(), severity, at, locationId, kind, objectId, epc,
                plate, who + " (" + String.join(", ", names) + ": " + hits.get(0).reason() + ") was read at " + where + ".", evidence,
                kind.name() + ":" + objectId));
    }
}
