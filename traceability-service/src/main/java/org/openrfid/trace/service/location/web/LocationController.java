package org.openrfid.trace.service.location.web;

import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.location.LocationCsv;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.LocationFields;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.location.Shapes;
import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Geometry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openrfid.trace.service.platform.web.CsvBodies;
import org.openrfid.trace.service.platform.web.Cursors;
import org.openrfid.trace.service.platform.web.Limits;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Locations over REST: create or replace, read, list by id with cursor pages, CSV import/export. */
@RestController
@RequestMapping("/api/v1/locations")
class LocationController {

    private final Locations locations;
    private final LocationCsv csv;
    private final Auditor auditor;

    LocationController(Locations locations, LocationCsv csv, Auditor auditor) {
        this.auditor = auditor;
        this.locations = locations;
        this.csv = csv;
    }

    /**
     * {@code geometry}: a GeoJSON Point, Polygon or MultiPolygon object (RFC 7946, [lon, lat]), or the
     * same as WKT text; alternatively {@code lat} and {@code lon} for a point.
     */
    record LocationRequest(String id, String name, String kind, Double lat, Double lon, String parent, JsonNode geometry) {
    }

    record LocationPage(List<LocationView> items, String nextCursor, int limit) {
    }

    /** Creates or replaces the location with this id; the parent must be registered. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LocationView> save(@RequestBody LocationRequest r) {
        String id = LocationFields.id(r.id());
        String parent = r.parent() == null || r.parent().isBlank() ? null : LocationFields.id(r.parent());
        if (parent != null && (parent.equals(id) || locations.find(parent).isEmpty())) {
            throw new IllegalArgumentException("parent: location " + parent + " is not registered");
        }
        if (r.name() != null && r.name().length() > 200) {
            throw new IllegalArgumentException("name: longer than 200 characters");
        }
        if (r.lat() != null && !(r.lat() >= -90 && r.lat() <= 90)) {
            throw new IllegalArgumentException("lat: " + r.lat() + " is outside -90..90");
        }
        if (r.lon() != null && !(r.lon() >= -180 && r.lon() <= 180)) {
            throw new IllegalArgumentException("lon: " + r.lon() + " is outside -180..180");
        }
        Geometry shape = r.geometry() == null || r.geometry().isNull() ? null
                : r.geometry().isTextual() ? Shapes.parse(r.geometry().asText(), "geometry", Shapes.LOCATION_TYPES)
                : Shapes.fromGeoJson(r.geometry(), "geometry", Shapes.LOCATION_TYPES);
        Location l = LocationFields.located(id, r.name(), r.kind() == null ? null : LocationFields.kind(r.kind()),
                r.lat(), r.lon(), shape, parent, "geometry");
        locations.save(List.of(l));
        return ResponseEntity.created(URI.create("/api/v1/locations/" + l.id())).body(LocationView.of(l));
    }

    @GetMapping("/{id}")
    LocationView one(@PathVariable String id) {
        return locations.find(id).map(LocationView::of).orElseThrow(() -> {
            ErrorResponseException e = new ErrorResponseException(HttpStatus.NOT_FOUND);
            e.getBody().setTitle("Location not found");
            e.getBody().setDetail("no location " + id);
            return e;
        });
    }

    /** Locations by id, {@code limit} 1..1000 (default 100) per page. */
    @GetMapping
    LocationPage list(@RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        Limits.page(limit);
        String after = cursor == null ? null : Cursors.decode(cursor, 1).get(0);
        List<Location> page = locations.page(after, limit + 1);
        boolean more = page.size() > limit;
        List<Location> items = more ? page.subList(0, limit) : page;
        return new LocationPage(items.stream().map(LocationView::of).toList(), more ? Cursors.encode(items.get(items.size() - 1).id()) : null, limit);
    }

    /** Imports {@code id,name,kind,lat,lon,parent[,wkt]} CSV; all or nothing, like every registry import. */
    @PostMapping(path = "/import", consumes = {"text/csv", "application/csv"})
    LocationCsv.ImportResult importCsv(HttpServletRequest request) throws IOException {
        return csv.importFile(CsvBodies.reader(request));
    }

    @GetMapping(path = "/export", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> exportCsv() {
        auditor.record("LOCATION_EXPORT", "locations.csv", null, null, AuditOutcome.OK);
        StreamingResponseBody body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            csv.exportFile(w);
            w.flush();
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"locations.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }
}
