package org.openrfid.trace.service.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.identity.FilterVariants;
import org.openrfid.trace.service.passage.TagWindow;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.platform.web.Limits;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Traffic analytics over passages: companions of a vehicle or tag, flows per place and interval,
 * travel times between two places and origin-destination matrices. Every question needs a time range
 * no longer than {@code rfid.analytics.max-span}; answers beyond the stated bounds are refused with a
 * 400 naming the parameter to change, never cut short.
 *
 * <p>Answers count only the kinds the caller's roles see; companions never name a restricted object;
 * companions of a vehicle need a purpose; every question is audited.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Companions, flows, travel times and origin-destination matrices over passages")
class AnalyticsController {

    private final Analytics analytics;
    private final TagBindings bindings;
    private final AnalyticsProperties limits;
    private final Lookups lookups;

    AnalyticsController(Analytics analytics, TagBindings bindings, AnalyticsProperties limits, Lookups lookups) {
        this.analytics = analytics;
        this.bindings = bindings;
        this.limits = limits;
        this.lookups = lookups;
    }

    /** One page of companions; {@code nextCursor} is null on the last page. */
    record CompanionPage(String subject, Instant from, Instant to, String delta, String level, List<Companion> items,
                         String nextCursor, int limit) {
    }

    record Flows(Instant from, Instant to, String interval, String level, String by, List<FlowRow> rows) {
    }

    record Travel(String a, String b, Instant from, Instant to, String level, String maxGap, String kind, TravelTimes times) {
    }

    record Matrix(Instant from, Instant to, String tripGap, String level, String kind, boolean includeSingles,
                  List<OdMatrix.Cell> rows, long trips, long objects) {
    }

    @GetMapping("/companions")
    @Operation(summary = "Companions: objects (or unbound tags) seen at the subject's places within ±delta",
            description = "Give the subject as epc (hex, tag URI, pure-identity URI or Digital Link with gcp; every filter value is searched)"
                    + " or as kind+id of an object (through the tags bound to it at the time). Ordered by shared sightings, most first, then"
                    + " kind and id; cursor-paged.")
    CompanionPage companions(
            @Parameter(description = "the subject tag") @RequestParam(required = false) String epc,
            @Parameter(description = "company prefix length (6..12) of a Digital Link epc") @RequestParam(required = false) Integer gcp,
            @Parameter(description = "the subject object's kind: VEHICLE, GOODS, PALLET, LIBRARY_ITEM") @RequestParam(required = false) String kind,
            @Parameter(description = "the subject object's id") @RequestParam(required = false) String id,
            @Parameter(description = "start of the range (inclusive), ISO-8601") @RequestParam Instant from,
            @Parameter(description = "end of the range (exclusive), ISO-8601") @RequestParam Instant to,
            @Parameter(description = "ISO-8601 duration: a companion passage counts within ±delta of the subject's") @RequestParam(defaultValue = "PT5M") String delta,
            @Parameter(description = "location, or checkpoint to count lanes of one checkpoint as one place") @RequestParam(defaultValue = "location") String level,
            @Parameter(description = "leave out companions with fewer shared sightings") @RequestParam(defaultValue = "2") int minShared,
            @Parameter(description = "shared sightings listed per companion (0..rfid.analytics.max-sightings)") @RequestParam(defaultValue = "10") int maxSightings,
            @Parameter(description = "companions per page, 1..1000") @RequestParam(defaultValue = "100") int limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = "why you look (a case number); required when the subject is a vehicle") @RequestParam(required = false) String purpose,
            @RequestHeader(name = Lookups.PURPOSE_HEADER, required = false) String purposeHeader) {
        Period period = Parameters.period(from, to, limits.maxSpan());
        Duration d = Parameters.duration("delta", delta, limits.maxDelta());
        Level lvl = Level.parse(level);
        Parameters.between("minShared", minShared, 1, Integer.MAX_VALUE);
        Parameters.between("maxSightings", maxSightings, 0, limits.maxSightings());
        Limits.page(limit);
        CompanionCursor after = CompanionCursor.decode(cursor);
        boolean ofVehicle = kind != null && ObjectKind.parse(kind) == ObjectKind.VEHICLE;
        String why = ofVehicle ? lookups.requirePurpose("COMPANIONS", "VEHICLE:" + id, purpose, purposeHeader) : Lookups.purposeOf(purpose, purposeHeader);
        Subject subject = subject(epc, gcp, kind, id);
        String who = subject.objectKind() == null ? "TAG:" + subject.excludedEpcs().get(0) : subject.objectKind() + ":" + subject.objectId();
        Scope scope = subject.objectKind() == null ? lookups.scope("COMPANIONS", who)
                : lookups.checkObject("COMPANIONS", subject.objectKind(), subject.objectId(), why);
        List<Companion> found = analytics.companions(new CoLocationQuery(subject, period, d, lvl, minShared, maxSightings, after, limit), scope);
        boolean more = found.size() > limit;
        List<Companion> items = more ? found.subList(0, limit) : found;
        String next = null;
        if (more) {
            Companion last = items.get(items.size() - 1);
            next = new CompanionCursor(last.shared(), last.kind(), last.id()).encode();
        }
        lookups.record("COMPANIONS", who + " " + from + "/" + to, why, items.size());
        return new CompanionPage(who, from, to, d.toString(), lvl.name().toLowerCase(java.util.Locale.ROOT), items, next, limit);
    }

    @GetMapping("/flows")
    @Operation(summary = "Passages and distinct objects per place per interval, by object kind (and vehicle type)",
            description = "Intervals start at 'from' and step by 'interval'; intervals with no passages are left out. Unbound tags count as kind TAG.")
    Flows flows(
            @Parameter(description = "start of the range (inclusive)") @RequestParam Instant from,
            @Parameter(description = "end of the range (exclusive)") @RequestParam Instant to,
            @Parameter(description = "ISO-8601 duration such as PT15M, PT1H, P1D; at most rfid.analytics.max-buckets intervals") @RequestParam(defaultValue = "PT1H") String interval,
            @Parameter(description = "only these places (repeat); ids at the chosen level") @RequestParam(name = "location", required = false) List<String> locations,
            @Parameter(description = "location or checkpoint") @RequestParam(defaultValue = "location") String level,
            @Parameter(description = "kind, or vehicleType to split vehicles by type") @RequestParam(defaultValue = "kind") String by) {
        Period period = Parameters.period(from, to, limits.maxSpan());
        Duration step = Parameters.duration("interval", interval, null);
        long buckets = Parameters.intervals(period, step);
        if (buckets > limits.maxBuckets()) {
            throw new IllegalArgumentException("interval: " + step + " makes " + buckets + " intervals in [" + from + ", " + to
                    + "), more than " + limits.maxBuckets() + " (rfid.analytics.max-buckets)");
        }
        Level lvl = Level.parse(level);
        boolean byType = Parameters.byVehicleType(by);
        Set<String> places = new TreeSet<>();
        if (locations != null) {
            if (locations.size() > 1000) {
                throw new IllegalArgumentException("location: give at most 1000 location ids");
            }
            locations.forEach(l -> places.add(Parameters.place("location", l)));
        }
        String about = "flows " + from + "/" + to + (places.isEmpty() ? "" : " at " + String.join(",", places));
        List<FlowRow> rows = analytics.flows(new FlowQuery(period, step, lvl, places, byType, limits.maxRows()), lookups.scope("FLOWS", about));
        lookups.record("FLOWS", about, null, rows.size());
        return new Flows(from, to, step.toString(), lvl.name().toLowerCase(java.util.Locale.ROOT), byType ? "vehicleType" : "kind", rows);
    }

    @GetMapping("/travel-times")
    @Operation(summary = "Travel times from place a to place b",
            description = "For each sighting at a in the range whose object's (or unbound tag's) next sighting is at b no more than maxGap later:"
                    + " the time between the two first-seen times. Count, min, p10, p50, p90, max, mean in seconds and a histogram.")
    Travel travelTimes(
            @Parameter(description = "the place travelled from") @RequestParam String a,
            @Parameter(description = "the place travelled to") @RequestParam String b,
            @Parameter(description = "start of the range (inclusive) for sightings at a") @RequestParam Instant from,
            @Parameter(description = "end of the range (exclusive) for sightings at a") @RequestParam Instant to,
            @Parameter(description = "location or checkpoint") @RequestParam(defaultValue = "location") String level,
            @Parameter(description = "ISO-8601 duration: longer journeys are not counted") @RequestParam(defaultValue = "PT2H") String maxGap,
            @Parameter(description = "only this kind: VEHICLE, GOODS, PALLET, LIBRARY_ITEM or TAG (unbound)") @RequestParam(required = false) String kind,
            @Parameter(description = "ISO-8601 histogram bin width; default: a round width giving about 20 bins") @RequestParam(required = false) String bucketWidth) {
        String placeA = Parameters.place("a", a);
        String placeB = Parameters.place("b", b);
        Period period = Parameters.period(from, to, limits.maxSpan());
        Level lvl = Level.parse(level);
        Duration gap = Parameters.duration("maxGap", maxGap, limits.maxSpan());
        String k = Parameters.kind(kind);
        Duration width = null;
        if (bucketWidth != null) {
            width = Parameters.duration("bucketWidth", bucketWidth, gap);
            if (width.toMillis() < 1) {
                throw new IllegalArgumentException("bucketWidth: " + width + " is shorter than a millisecond");
            }
            long bins = gap.toMillis() / width.toMillis() + 1;
            if (bins > limits.maxBuckets()) {
                throw new IllegalArgumentException("bucketWidth: " + width + " makes up to " + bins + " bins over maxGap " + gap
                        + ", more than " + limits.maxBuckets() + " (rfid.analytics.max-buckets)");
            }
        }
        String about = "travel " + placeA + " to " + placeB + " " + from + "/" + to;
        TravelTimes times = analytics.travelTimes(new TravelQuery(period, placeA, placeB, lvl, gap, k, width, limits.maxBuckets()),
                scopeFor("TRAVEL_TIMES", about, k));
        lookups.record("TRAVEL_TIMES", about, null, times.count());
        return new Travel(placeA, placeB, from, to, lvl.name().toLowerCase(java.util.Locale.ROOT), gap.toString(), k, times);
    }

    @GetMapping("/od-matrix")
    @Operation(summary = "Origin-destination matrix",
            description = "Each object's (or unbound tag's) sightings in the range are split into trips where one starts more than tripGap"
                    + " after the previous ended; origin is a trip's first place, destination its last. Trips cut by the range's ends count"
                    + " only their sightings inside it.")
    Matrix originDestination(
            @Parameter(description = "start of the range (inclusive)") @RequestParam Instant from,
            @Parameter(description = "end of the range (exclusive)") @RequestParam Instant to,
            @Parameter(description = "ISO-8601 duration that ends a trip") @RequestParam(defaultValue = "PT30M") String tripGap,
            @Parameter(description = "location or checkpoint") @RequestParam(defaultValue = "location") String level,
            @Parameter(description = "only this kind: VEHICLE, GOODS, PALLET, LIBRARY_ITEM or TAG (unbound)") @RequestParam(required = false) String kind,
            @Parameter(description = "count trips of one sighting (origin = destination)") @RequestParam(defaultValue = "false") boolean includeSingles) {
        Period period = Parameters.period(from, to, limits.maxSpan());
        Duration gap = Parameters.duration("tripGap", tripGap, limits.maxSpan());
        Level lvl = Level.parse(level);
        String k = Parameters.kind(kind);
        String about = "od " + from + "/" + to;
        OdMatrix m = analytics.originDestination(new OdQuery(period, gap, lvl, k, includeSingles, limits.maxRows()), scopeFor("OD_MATRIX", about, k));
        lookups.record("OD_MATRIX", about, null, m.trips());
        return new Matrix(from, to, gap.toString(), lvl.name().toLowerCase(java.util.Locale.ROOT), k, includeSingles, m.rows(), m.trips(), m.objects());
    }

    /** The caller's scope; a 403 when they asked for a kind their roles do not see. */
    private Scope scopeFor(String action, String about, String kind) {
        Scope scope = lookups.scope(action, about);
        if (kind != null && !scope.sees(kind)) {
            throw lookups.refuse(action, about, null, "your roles do not see objects of kind " + kind);
        }
        return scope;
    }

    /** Exactly one of epc or kind+id; a tag as given (every filter variant for a pure identity or Digital Link), an object through all its bindings. */
    private Subject subject(String epc, Integer gcp, String kind, String id) {
        boolean byTag = epc != null && !epc.isBlank();
        boolean byObject = kind != null || id != null;
        if (byTag == byObject) {
            throw new IllegalArgumentException("epc: give either epc or kind and id of an object, not both or neither");
        }
        if (byTag) {
            RawEpc parsed = gcp == null ? EpcInput.parse(epc) : EpcInput.parse(epc, gcp);
            List<String> variants = FilterVariants.ofInput(epc, parsed).stream().map(RawEpc::toHex).toList();
            return new Subject(variants.stream().map(hex -> new TagWindow(hex, null, null)).toList(), variants, null, null);
        }
        if (kind == null || id == null || id.isBlank()) {
            throw new IllegalArgumentException(kind == null ? "kind: give the object's kind with its id" : "id: give the object's id with its kind");
        }
        ObjectKind k = ObjectKind.parse(kind);
        String objectId = id.trim();
        if (k == ObjectKind.VEHICLE) {
            try {
                objectId = UUID.fromString(objectId).toString();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("id: '" + Parameters.shorten(id) + "' is not a vehicle id (UUID)");
            }
        }
        List<TagWindow> windows = bindings.ofObject(k, objectId).stream()
                .map(b -> new TagWindow(b.epcHex(), b.validFrom(), b.validTo())).toList();
        if (windows.isEmpty()) {
            ErrorResponseException e = new ErrorResponseException(HttpStatus.NOT_FOUND);
            e.getBody().setTitle("No tag bound");
            e.getBody().setDetail("no tag was ever bound to " + k + " " + objectId);
            throw e;
        }
        return new Subject(windows, List.of(), k.name(), objectId);
    }
}
