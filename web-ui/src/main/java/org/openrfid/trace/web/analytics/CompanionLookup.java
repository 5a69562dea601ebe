package org.openrfid.trace.web.analytics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrfid.trace.service.analytics.Analytics;
import org.openrfid.trace.service.analytics.CoLocationQuery;
import org.openrfid.trace.service.analytics.Companion;
import org.openrfid.trace.service.analytics.Level;
import org.openrfid.trace.service.analytics.Period;
import org.openrfid.trace.service.analytics.Subject;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.passage.TagWindow;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.openrfid.trace.web.console.DisplayNames;
import org.openrfid.trace.web.console.ObjectLabel;
import org.openrfid.trace.web.search.ObjectSearch;

/**
 * Companions of a vehicle found by its plate, as the REST companions question with the same rules: a vehicle
 * needs a stated purpose, the caller's roles must see vehicles (and this one, if it is restricted), restricted
 * objects are never named as companions, and the lookup is audited with its purpose.
 */
class CompanionLookup {

    static final int LIMIT = 50;
    static final int MIN_SHARED = 2;
    static final int SIGHTINGS = 20;

    private final Analytics analytics;
    private final Vehicles vehicles;
    private final TagBindings bindings;
    private final Lookups lookups;
    private final DisplayNames names;

    CompanionLookup(Analytics analytics, Vehicles vehicles, TagBindings bindings, Lookups lookups, DisplayNames names) {
        this.analytics = analytics;
        this.vehicles = vehicles;
        this.bindings = bindings;
        this.lookups = lookups;
        this.names = names;
    }

    /** Whether the caller may ask at all (their roles see vehicles). */
    boolean allowed(Scope scope) {
        return scope.sees(ObjectKind.VEHICLE.name());
    }

    /** IllegalArgumentException "plate: …" or "purpose: …" for what the form must correct. */
    Charts.Companions find(String plateInput, String purpose, Period period, Duration delta) {
        String plate = ObjectSearch.normalise(plateInput);
        if (plate.isEmpty()) {
            throw new IllegalArgumentException("plate: give the vehicle's plate");
        }
        if (Lookups.purposeOf(purpose, null) == null) {
            throw new IllegalArgumentException("purpose: say why you look (a case or ticket number)");
        }
        Vehicle v = vehicles.findByPlate(plate).orElseThrow(() -> new IllegalArgumentException("plate: no vehicle with plate " + plate));
        String id = v.id().toString();
        String why = lookups.requirePurpose("COMPANIONS", "VEHICLE:" + id, purpose, null);
        Scope scope = lookups.checkObject("COMPANIONS", ObjectKind.VEHICLE.name(), id, why);
        List<TagWindow> windows = bindings.ofObject(ObjectKind.VEHICLE, id).stream()
                .map(b -> new TagWindow(b.epcHex(), b.validFrom(), b.validTo())).toList();
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("plate: no tag was ever bound to " + v.plate());
        }
        Subject subject = new Subject(windows, List.of(), ObjectKind.VEHICLE.name(), id);
        List<Companion> found = analytics.companions(new CoLocationQuery(subject, period, delta, Level.CHECKPOINT, MIN_SHARED, SIGHTINGS,
                null, LIMIT), scope);
        boolean more = found.size() > LIMIT;
        List<Companion> page = more ? found.subList(0, LIMIT) : found;
        lookups.record("COMPANIONS", "VEHICLE:" + id + " " + period.from() + "/" + period.to(), why, page.size());
        return new Charts.Companions(v.plate(), id, why, page.stream().map(this::row).toList(), sharedPlaces(page), more);
    }

    private Charts.CompanionRow row(Companion c) {
        ObjectLabel label = "TAG".equals(c.kind()) ? null : names.of(new BoundObject(ObjectKind.valueOf(c.kind()), c.id())).orElse(null);
        Set<String> at = new LinkedHashSet<>();
        c.sightings().forEach(s -> at.add(names.locationName(s.place())));
        return new Charts.CompanionRow(c.kind(), c.id(), label == null ? c.id() : label.title(),
                label == null ? "/tags/" + c.id() : label.href(), c.shared(), c.places(), c.firstShared(), c.lastShared(), List.copyOf(at));
    }

    /** Every place of a listed shared sighting, with how many shared sightings there were there. */
    private List<Charts.SharedPlace> sharedPlaces(List<Companion> companions) {
        Map<String, Integer> count = new LinkedHashMap<>();
        companions.forEach(c -> c.sightings().forEach(s -> count.merge(s.place(), 1, Integer::sum)));
        List<Charts.SharedPlace> out = new ArrayList<>();
        count.forEach((place, n) -> {
            Location l = names.location(place).orElse(null);
            if (l != null) {
                out.add(new Charts.SharedPlace(place, names.locationName(place), l.lat(), l.lon(), n));
            }
        });
        return out;
    }
}
