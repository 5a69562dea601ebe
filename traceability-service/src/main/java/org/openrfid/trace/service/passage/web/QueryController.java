package org.openrfid.trace.service.passage.web;

import org.openrfid.trace.service.location.Areas;
import org.openrfid.trace.service.passage.LocatedPassage;
import org.openrfid.trace.service.passage.PassageCursor;
import org.openrfid.trace.service.passage.PassageQueries;
import org.openrfid.trace.service.passage.PassageView;
import org.openrfid.trace.service.passage.TagWindow;
import org.openrfid.trace.service.passage.TimeOrder;
import org.openrfid.trace.service.passage.Trajectories;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.platform.web.Limits;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The questions officers and staff ask of passages: where has this tag or vehicle been (through the
 * bindings valid at each passage's time), where was it last, its trajectory as GeoJSON, and what
 * passed at these locations or within this area in a time range. Every list is cursor-paged with an
 * explicit {@code limit} (1..1000); {@code order} is {@code asc} (oldest first, default) or {@code desc}.
 *
 * <p>Every answer holds only passages of kinds the caller's roles see and leaves out restricted objects they
 * hold no grant for ({@link Scope}); every question is audited before the answer leaves, and vehicle
 * lookups need a purpose ({@code purpose} or {@code X-Purpose}).
 */
@RestController
@RequestMapping("/api/v1")
class QueryController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    static final int MAX_TRAJECTORY = 100_000;

    private final PassageQueries passages;
    private final Locations locations;
    private final Vehicles vehicles;
    private final TagBindings bindings;
    private final Lookups lookups;

    QueryController(PassageQueries passages, Locations locations, Vehicles vehicles, TagBindings bindings, Lookups lookups) {
        this.passages = passages;
        this.locations = locations;
        this.vehicles = vehicles;
        this.bindings = bindings;
        this.lookups = lookups;
    }

    /** One page of passages; {@code nextCursor} is null on the last page. */
    record PassagePage(List<PassageView> items, String nextCursor, int limit) {
    }

    /** Where a tag or object was last seen, and the passage that says so. */
    record LastSeen(String locationId, String locationName, Double lat, Double lon, Instant at, PassageView passage) {
    }

    /**
     * {@code epc}: hex, tag URI, pure-identity URI or GS1 Digital Link. A Digital Link does not say where
     * its company prefix ends: give {@code gcp}, the prefix length in digits (6..12), with one.
     */
    @GetMapping("/tags/history")
    PassagePage tagHistory(@RequestParam String epc, @RequestParam(required = false) Integer gcp, @RequestParam(required = false) Instant from,
                           @RequestParam(required = false) Instant to, @RequestParam(defaultValue = "asc") String order,
                           @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        if (from != null && to != null) {
            checkRange(from, to);
        }
        List<TagWindow> windows = anyFilter(epc, gcp).stream().map(w -> w.narrowedTo(from, to)).filter(java.util.Objects::nonNull).toList();
        Scope scope = lookups.scope("TAG_HISTORY", "tag " + epc);
        PassagePage page = page(windows, scope, order, limit, cursor);
        lookups.record("TAG_HISTORY", "tag " + epc, null, page.items().size());
        return page;
    }

    @GetMapping("/tags/last-seen")
    LastSeen tagLastSeen(@RequestParam String epc, @RequestParam(required = false) Integer gcp) {
        Scope scope = lookups.scope("TAG_LAST_SEEN", "tag " + epc);
        return lastSeen(anyFilter(epc, gcp), scope, "TAG_LAST_SEEN", "tag " + epc, null);
    }

    /** A pure-identity URI or Digital Link has no filter value: search the tag written with any of them; hex and tag URIs name one tag. */
    private static List<TagWindow> anyFilter(String epc, Integer gcp) {
        return org.openrfid.trace.identity.FilterVariants.ofInput(epc, gcp == null ? EpcInput.parse(epc) : EpcInput.parse(epc, gcp)).stream()
                .map(v -> new TagWindow(v.toHex(), null, null)).toList();
    }

    /** The vehicle's passages: those of each tag bound to it, during that binding. */
    @GetMapping("/vehicles/{id}/history")
    PassagePage vehicleHistory(@PathVariable UUID id, @RequestParam(required = false) Instant from,
                               @RequestParam(required = false) Instant to, @RequestParam(defaultValue = "asc") String order,
                               @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor,
                               @RequestParam(required = false) String purpose,
                               @RequestHeader(name = Lookups.PURPOSE_HEADER, required = false) String purposeHeader) {
        String why = lookups.requirePurpose("VEHICLE_HISTORY", "vehicle " + id, purpose, purposeHeader);
        Vehicle v = vehicle(id);
        Scope scope = lookups.checkObject("VEHICLE_HISTORY", ObjectKind.VEHICLE.name(), id.toString(), why).forLookupOf(ObjectKind.VEHICLE.name());
        PassagePage page = page(vehicleWindows(v, from, to), scope, order, limit, cursor);
        lookups.record("VEHICLE_HISTORY", subject(v), why, page.items().size());
        return page;
    }

    @GetMapping("/vehicles/{id}/last-seen")
    LastSeen vehicleLastSeen(@PathVariable UUID id, @RequestParam(required = false) String purpose,
                             @RequestHeader(name = Lookups.PURPOSE_HEADER, required = false) String purposeHeader) {
        String why = lookups.requirePurpose("VEHICLE_LAST_SEEN", "vehicle " + id, purpose, purposeHeader);
        Vehicle v = vehicle(id);
        Scope scope = lookups.checkObject("VEHICLE_LAST_SEEN", ObjectKind.VEHICLE.name(), id.toString(), why).forLookupOf(ObjectKind.VEHICLE.name());
        return lastSeen(vehicleWindows(v, null, null), scope, "VEHICLE_LAST_SEEN", subject(v), why);
    }

    /** How the audit trail names a vehicle: by the plate people search for, and the id that does not change. */
    static String subject(Vehicle v) {
        return v.plate() + " (vehicle " + v.id() + ")";
    }

    /**
     * The vehicle's path in [from, to) as GeoJSON. At most {@code limit} passages (default 10000, at
     * most 100000); a range holding more is refused with a 400, not cut short.
     */
    @GetMapping("/vehicles/{id}/trajectory")
    ResponseEntity<Map<String, Object>> trajectory(@PathVariable UUID id, @RequestParam Instant from, @RequestParam Instant to,
                                                   @RequestParam(defaultValue = "10000") int limit,
                                                   @RequestParam(required = false) String purpose,
                                                   @RequestHeader(name = Lookups.PURPOSE_HEADER, required = false) String purposeHeader) {
        String why = lookups.requirePurpose("VEHICLE_TRAJECTORY", "vehicle " + id, purpose, purposeHeader);
        if (limit < 1 || limit > MAX_TRAJECTORY) {
            throw new IllegalArgumentException("limit: " + limit + " is outside 1.." + MAX_TRAJECTORY);
        }
        checkRange(from, to);
        Vehicle v = vehicle(id);
        Scope scope = lookups.checkObject("VEHICLE_TRAJECTORY", ObjectKind.VEHICLE.name(), id.toString(), why)
                .forLookupOf(ObjectKind.VEHICLE.name());
        List<LocatedPassage> found = passages.ofTags(vehicleWindows(v, from, to), scope, null, TimeOrder.OLDEST_FIRST, limit + 1);
        if (found.size() > limit) {
            throw new IllegalArgumentException("vehicle " + id + " has more than " + limit + " passages in [" + from + ", " + to
                    + "): narrow the time range or raise limit (at most " + MAX_TRAJECTORY + ")");
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("vehicleId", v.id().toString());
        line.put("plate", v.plate());
        line.put("from", from.toString());
        line.put("to", to.toString());
        lookups.record("VEHICLE_TRAJECTORY", subject(v) + " " + from + "/" + to, why, found.size());
        return ResponseEntity.ok().contentType(GEO_JSON).body(Trajectories.geoJson(found, line));
    }

    /**
     * Passages at the given locations (repeat {@code location}) in [from, to); with
     * {@code includeChildren} (default true) also at their lanes, doors and gates.
     */
    @GetMapping("/passages/at")
    PassagePage at(@RequestParam("location") List<String> locationIds, @RequestParam Instant from, @RequestParam Instant to,
                   @RequestParam(defaultValue = "true") boolean includeChildren, @RequestParam(defaultValue = "asc") String order,
                   @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        checkRange(from, to);
        if (locationIds.isEmpty() || locationIds.size() > 1000) {
            throw new IllegalArgumentException("location: give 1..1000 location ids");
        }
        locationIds.forEach(org.openrfid.trace.service.location.LocationFields::id);
        var ids = includeChildren ? locations.withDescendants(locationIds) : new java.util.TreeSet<>(locationIds);
        return locationPage("PASSAGES_AT", "at " + String.join(",", locationIds) + " " + from + "/" + to, ids, from, to, order, limit, cursor);
    }

    /**
     * "Who was here": passages in [from, to) at the locations inside an area — exactly one of
     * {@code bbox} (minLon,minLat,maxLon,maxLat), {@code polygon} (WKT or GeoJSON Polygon/MultiPolygon)
     * or {@code lat}+{@code lon}+{@code radius} (metres, up to 100 km).
     */
    @GetMapping("/passages/within")
    PassagePage within(@RequestParam(required = false) String bbox, @RequestParam(required = false) String polygon,
                       @RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon,
                       @RequestParam(required = false) Double radius, @RequestParam Instant from, @RequestParam Instant to,
                       @RequestParam(defaultValue = "asc") String order, @RequestParam(defaultValue = "100") int limit,
                       @RequestParam(required = false) String cursor) {
        checkRange(from, to);
        int given = (bbox != null ? 1 : 0) + (polygon != null ? 1 : 0) + (lat != null || lon != null || radius != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("area: give exactly one of bbox, polygon, or lat+lon+radius");
        }
        List<Location> inside;
        String area;
        if (bbox != null) {
            area = "bbox " + bbox;
            inside = locations.within(Areas.bbox(bbox));
        } else if (polygon != null) {
            Geometry shape = Areas.polygon(polygon);
            inside = locations.within(shape);
            area = "polygon " + shape.toText();
        } else {
            if (lat == null || lon == null || radius == null) {
                throw new IllegalArgumentException("radius: lat, lon and radius go together");
            }
            Areas.checkLonLat(lon, lat, "lat/lon");
            if (!(radius > 0 && radius <= 100_000)) {
                throw new IllegalArgumentException("radius: " + radius + " is outside (0, 100000] metres");
            }
            inside = locations.near(lat, lon, radius);
            area = "circle " + lat + "," + lon + " r=" + radius + "m";
        }
        return locationPage("PASSAGES_WITHIN", area + " " + from + "/" + to,
                inside.stream().map(Location::id).collect(Collectors.toCollection(java.util.TreeSet::new)), from, to, order, limit, cursor);
    }

    private PassagePage locationPage(String action, String subject, java.util.Set<String> ids, Instant from, Instant to, String order,
                                     int limit, String cursor) {
        Limits.page(limit);
        PassageCursor after = PassageCursor.decode(cursor);
        TimeOrder o = order(order);
        Scope scope = lookups.scope(action, subject);
        PassagePage page = toPage(passages.atLocations(ids, from, to, scope, after, o, limit + 1), limit);
        lookups.record(action, subject, null, page.items().size());
        return page;
    }

    private PassagePage page(List<TagWindow> windows, Scope scope, String order, int limit, String cursor) {
        Limits.page(limit);
        PassageCursor after = PassageCursor.decode(cursor);
        return toPage(passages.ofTags(windows, scope, after, order(order), limit + 1), limit);
    }

    private static PassagePage toPage(List<LocatedPassage> found, int limit) {
        boolean more = found.size() > limit;
        List<LocatedPassage> items = more ? found.subList(0, limit) : found;
        String next = null;
        if (more) {
            Passage last = items.get(items.size() - 1).passage();
            next = new PassageCursor(last.firstSeen(), last.id()).encode();
        }
        return new PassagePage(items.stream().map(PassageView::of).toList(), next, limit);
    }

    private LastSeen lastSeen(List<TagWindow> windows, Scope scope, String action, String what, String purpose) {
        List<LocatedPassage> newest = passages.ofTags(windows, scope, null, TimeOrder.NEWEST_FIRST, 1);
        lookups.record(action, what, purpose, newest.size());
        if (newest.isEmpty()) {
            ErrorResponseException e = new ErrorResponseException(HttpStatus.NOT_FOUND);
            e.getBody().setTitle("Never seen");
            e.getBody().setDetail("no passage of " + what);
            throw e;
        }
        PassageView v = PassageView.of(newest.get(0));
        return new LastSeen(v.locationId(), v.locationName(), v.lat(), v.lon(), v.firstSeen(), v);
    }

    private Vehicle vehicle(UUID id) {
        return vehicles.find(id).orElseThrow(() -> {
            ErrorResponseException e = new ErrorResponseException(HttpStatus.NOT_FOUND);
            e.getBody().setTitle("Vehicle not found");
            e.getBody().setDetail("no vehicle " + id);
            return e;
        });
    }

    private List<TagWindow> vehicleWindows(Vehicle v, Instant from, Instant to) {
        List<TagWindow> windows = new ArrayList<>();
        for (TagBinding b : bindings.ofObject(ObjectKind.VEHICLE, v.id().toString())) {
            windows.addAll(window(new TagWindow(b.epcHex(), b.validFrom(), b.validTo()), from, to));
        }
        return windows;
    }

    private static List<TagWindow> window(TagWindow w, Instant from, Instant to) {
        if (from != null && to != null) {
            checkRange(from, to);
        }
        TagWindow narrowed = w.narrowedTo(from, to);
        return narrowed == null ? List.of() : List.of(narrowed);
    }

    private static void checkRange(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from: " + from + " is not before to " + to);
        }
    }

    private static TimeOrder order(String order) {
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "asc" -> TimeOrder.OLDEST_FIRST;
            case "desc" -> TimeOrder.NEWEST_FIRST;
            default -> throw new IllegalArgumentException("order: '" + (order.length() > 20 ? order.substring(0, 20) : order) + "' is not asc or desc");
        };
    }
}
