package org.openrfid.trace.service.registry.vehicle;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openrfid.trace.service.platform.web.CsvBodies;
import org.openrfid.trace.service.platform.web.Cursors;
import org.openrfid.trace.service.platform.web.Limits;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The vehicle registry over REST: list, read, create, replace, and CSV import/export of the fleet. Looking
 * a vehicle up (by id or by plate) needs a purpose and is audited, like listing and exporting the fleet;
 * restricted vehicles are left out of lists for callers without a grant.
 */
@RestController
@RequestMapping("/api/v1/vehicles")
class VehicleController {

    private final Vehicles vehicles;
    private final TagBindings bindings;
    private final VehicleCsv csv;
    private final Lookups lookups;

    VehicleController(Vehicles vehicles, TagBindings bindings, VehicleCsv csv, Lookups lookups) {
        this.vehicles = vehicles;
        this.bindings = bindings;
        this.csv = csv;
        this.lookups = lookups;
    }

    /** A vehicle with the EPC of the tag bound to it now (null when none). */
    record VehicleView(UUID id, String plate, String plateType, String plateColour, String vehicleType, String vin,
                       String status, String registeredTid, String epc) {

        static VehicleView of(Vehicle v, TagBinding current) {
            return new VehicleView(v.id(), v.plate(), v.plateType(), v.plateColour(), v.vehicleType(), v.vin(), v.status(),
                    v.registeredTid(), current == null ? null : current.epcHex());
        }
    }

    record VehicleRequest(String plate, String plateType, String plateColour, String vehicleType, String vin, String status,
                          String registeredTid) {

        Vehicle toVehicle(UUID id) {
            return new Vehicle(id, plate, plateType, plateColour, vehicleType, vin, status, registeredTid);
        }
    }

    /** One page; {@code nextCursor} is null on the last page. */
    record VehiclePage(List<VehicleView> items, String nextCursor, int limit) {
    }

    /**
     * Vehicles in plate order, {@code limit} (1..1000, default 100) per page; pass {@code nextCursor}
     * back as {@code cursor} for the next. With {@code plate}, the one vehicle with that plate (any spelling).
     */
    @GetMapping
    VehiclePage list(@RequestParam(required = false) String plate, @RequestParam(defaultValue = "100") int limit,
                     @RequestParam(required = false) String cursor, @RequestParam(required = false) String purpose,
                     @RequestHeader(name = Lookups.PURPOSE_HEADER, required = false) String purposeHeader) {
        Limits.page(limit);
        if (plate != null) {
            String why = lookups.requirePurpose("VEHICLE_LOOKUP", "plate " + plate, purpose, purposeHeader);
            List<Vehicle> found = vehicles.findByPlate(plate).stream().toList();
            for (Vehicle v : found) {
                lookups.checkObject("VEHICLE_LOOKUP", ObjectKind.VEHICLE.name(), v.id().toString(), why);
            }
            lookups.record("VEHICLE_LOOKUP", found.isEmpty() ? "plate " + plate : found.get(0).plate() + " (vehicle " + found.get(0).id() + ")",
                    why, found.size());
            return new VehiclePage(views(found), null, limit);
        }
        String after = cursor == null ? null : Cursors.decode(cursor, 1).get(0);
        Scope scope = lookups.scope("VEHICLE_LIST", "vehicles after " + after);
        List<Vehicle> page = vehicles.page(after, limit + 1);
        boolean more = page.size() > limit;
        List<Vehicle> items = more ? page.subList(0, limit) : page;
        String next = more ? Cursors.encode(items.get(items.size() - 1).plate()) : null;
        List<Vehicle> shown = items.stream().filter(v -> !lookups.hides(scope, ObjectKind.VEHICLE.name(), v.id().toString())).toList();
        lookups.record("VEHICLE_LIST", "vehicles after " + after, Lookups.purposeOf(purpose, purposeHeader), shown.size());
        return new VehiclePage(views(shown), next, limit);
    }

    @GetMapping("/{id}")
    VehicleView one(@PathVariable UUID id, @RequestParam(required = false) String purpose,
                    @RequestHeader(name = Lookups.PURPOSE_HEADER, required = false) String purposeHeader) {
        String why = lookups.requirePurpose("VEHICLE_LOOKUP", "vehicle " + id, purpose, purposeHeader);
        Vehicle v = vehicles.find(id).orElseThrow(() -> notFound(id));
        lookups.checkObject("VEHICLE_LOOKUP", ObjectKind.VEHICLE.name(), id.toString(), why);
        lookups.record("VEHICLE_LOOKUP", v.plate() + " (vehicle " + v.id() + ")", why, 1);
        return views(List.of(v)).get(0);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VehicleView> create(@RequestBody VehicleRequest request) {
        Vehicle v = request.toVehicle(UUID.randomUUID());
        refuseTaken(v);
        vehicles.save(List.of(v));
        return ResponseEntity.created(URI.create("/api/v1/vehicles/" + v.id())).body(VehicleView.of(v, null));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    VehicleView replace(@PathVariable UUID id, @RequestBody VehicleRequest request) {
        vehicles.find(id).orElseThrow(() -> notFound(id));
        Vehicle v = request.toVehicle(id);
        refuseTaken(v);
        vehicles.save(List.of(v));
        return views(List.of(v)).get(0);
    }

    /**
     * Imports a fleet file ({@code text/csv}, the sample-data {@code vehicles.csv} columns). All or
     * nothing: any bad line refuses the file with a 400 problem whose {@code errors} list line, field, reason.
     */
    @PostMapping(path = "/import", consumes = {"text/csv", "application/csv"})
    VehicleCsv.ImportResult importCsv(HttpServletRequest request) throws IOException {
        return csv.importFile(CsvBodies.reader(request));
    }

    /** Every vehicle as CSV in the import format, streamed. */
    @GetMapping(path = "/export", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> exportCsv() {
        lookups.record("VEHICLE_EXPORT", "vehicles.csv", null, vehicles.count());
        StreamingResponseBody body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            csv.exportFile(w);
            w.flush();
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"vehicles.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    private void refuseTaken(Vehicle v) {
        Optional<Vehicle> samePlate = vehicles.findByPlate(v.plate());
        if (samePlate.isPresent() && !samePlate.get().id().equals(v.id())) {
            throw conflict("plate " + v.plate() + " is registered to vehicle " + samePlate.get().id());
        }
        Vehicle sameVin = vehicles.findByVins(List.of(v.vin())).get(v.vin());
        if (sameVin != null && !sameVin.id().equals(v.id())) {
            throw conflict("VIN " + v.vin() + " is registered to vehicle " + sameVin.id());
        }
    }

    private List<VehicleView> views(List<Vehicle> list) {
        var open = bindings.openOf(ObjectKind.VEHICLE, list.stream().map(v -> v.id().toString()).toList());
        return list.stream().map(v -> VehicleView.of(v, open.get(v.id().toString()))).toList();
    }

    static ErrorResponseException notFound(UUID id) {
        ErrorResponseException e = new ErrorResponseException(HttpStatus.NOT_FOUND);
        e.getBody().setTitle("Vehicle not found");
        e.getBody().setDetail("no vehicle " + id);
        return e;
    }

    private static ErrorResponseException conflict(String detail) {
        ErrorResponseException e = new ErrorResponseException(HttpStatus.CONFLICT);
        e.getBody().setTitle("Already registered");
        e.getBody().setDetail(detail);
        return e;
    }
}
