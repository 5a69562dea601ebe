package org.openrfid.trace.service.anpr.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.service.anpr.PlateNormaliser;
import org.openrfid.trace.service.anpr.PlateRead;
import org.openrfid.trace.service.anpr.PlateReadQuery;
import org.openrfid.trace.service.anpr.PlateReads;
import org.openrfid.trace.service.platform.web.Cursors;
import org.openrfid.trace.service.platform.web.Limits;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camera plate reads, newest first. A plate read is a vehicle seen: every query needs a purpose and is
 * audited ({@code PLATE_READS}), callers must see vehicles (TRAFFIC, CUSTOMS at port gates, ADMIN), and
 * a plate of a restricted vehicle needs ADMIN or a grant — by plate it is refused (403), in lists by
 * place the vehicle's reads are left out.
 */
@RestController
@RequestMapping("/api/v1/plate-reads")
class PlateReadController {

    static final String ACTION = "PLATE_READS";

    private final PlateReads reads;
    private final Vehicles vehicles;
    private final Lookups lookups;

    PlateReadController(PlateReads reads, Vehicles vehicles, Lookups lookups) {
        this.reads = reads;
        this.vehicles = vehicles;
        this.lookups = lookups;
    }

    /** One read as the API shows it; {@code confidence} null when the camera did not say. */
    record PlateReadView(long id, String cameraId, String locationId, String plate, String plateColour, Double confidence,
                         Instant timestamp, String direction, Instant receivedAt) {

        static PlateReadView of(PlateRead r) {
            return new PlateReadView(r.id(), r.cameraId(), r.locationId(), r.plate(), r.plateColour(),
                    Double.isNaN(r.confidence()) ? null : r.confidence(), r.timestamp(), r.direction(), r.receivedAt());
        }
    }

    /** One page; {@code nextCursor} is null on the last. */
    record PlateReadPage(List<PlateReadView> items, String nextCursor, int limit) {
    }

    /**
     * @param plate    any spelling ({@code 渝A·12345}, {@code 渝ａ12345})
     * @param from     ISO-8601, inclusive
     * @param to       ISO-8601, exclusive
     * @param limit    1..1000, default 100
     * @param cursor   a {@code nextCursor} from the previous page
     */
    @GetMapping
    PlateReadPage find(@RequestParam(required = false) String plate, @RequestParam(required = false) String location,
                       @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor,
                       @RequestParam(required = false) String purpose,
                       @RequestHeader(name = Lookups.PURPOSE_HEADER, required = false) String purposeHeader) {
        String normal = plate == null || plate.isBlank() ? null : normalised(plate);
        String subject = subject(normal, location, from, to);
        String why = lookups.requirePurpose(ACTION, subject, purpose, purposeHeader);
        Limits.page(limit);
        PlateReadQuery query = new PlateReadQuery(normal, location == null || location.isBlank() ? null : location.trim(),
                instant("from", from), instant("to", to));
        PlateReads.PageKey after = cursor == null ? null : key(cursor);
        Scope scope = lookups.scope(ACTION, subject);
        if (!scope.sees(ObjectKind.VEHICLE.name())) {
            throw lookups.refuse(ACTION, subject, why, "your roles see no vehicles, and a plate read is a vehicle seen");
        }
        if (normal != null) {
            Optional<Vehicle> registered = registered(normal);
            if (registered.isPresent()) {
                lookups.checkObject(ACTION, ObjectKind.VEHICLE.name(), registered.get().id().toString(), why);
                subject = subject + " (vehicle " + registered.get().id() + ")";
            }
        }
        List<PlateRead> found = reads.find(query, scope, after, limit + 1);
        boolean more = found.size() > limit;
        List<PlateRead> items = more ? found.subList(0, limit) : found;
        String next = null;
        if (more) {
            PlateRead last = items.get(items.size() - 1);
            next = Cursors.encode(Long.toString(Instants.toMicros(last.timestamp())), Long.toString(last.id()));
        }
        lookups.record(ACTION, subject, why, items.size());
        return new PlateReadPage(items.stream().map(PlateReadView::of).toList(), next, limit);
    }

    private Optional<Vehicle> registered(String normal) {
        if (!PlateNormaliser.isChinese(normal)) {
            return Optional.empty(); // the registry holds national plates only
        }
        try {
            return vehicles.findByPlate(normal);
        } catch (IllegalArgumentException notRegistrable) {
            return Optional.empty();
        }
    }

    private static String normalised(String plate) {
        try {
            return PlateNormaliser.normalise(plate);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("plate: " + e.getMessage());
        }
    }

    private static String subject(String plate, String location, String from, String to) {
        StringBuilder s = new StringBuilder("plate reads");
        if (plate != null) {
            s.append(" plate ").append(plate);
        }
        if (location != null && !location.isBlank()) {
            s.append(" at ").append(location.strip());
        }
        if (from != null || to != null) {
            s.append(' ').append(from == null ? "" : from).append('/').append(to == null ? "" : to);
        }
        return s.length() > 400 ? s.substring(0, 400) : s.toString();
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not an ISO-8601 instant (2026-11-24T08:00:00Z)");
        }
    }

    private static PlateReads.PageKey key(String cursor) {
        List<String> parts = Cursors.decode(cursor, 2);
        try {
            return new PlateReads.PageKey(Instants.ofMicros(Long.parseLong(parts.get(0))), Long.parseLong(parts.get(1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor: not a cursor issued by this API");
        }
    }
}
