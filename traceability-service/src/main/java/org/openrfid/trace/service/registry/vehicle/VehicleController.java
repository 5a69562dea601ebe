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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The vehicle registry over REST: list, read, create, replace, and CSV import/export of the fleet. */
@RestController
@RequestMapping("/api/v1/vehicles")
class VehicleController {

    private final Vehicles vehicles;
    private final TagBindings bindings;
    private final VehicleCsv csv;

    VehicleController(Vehicles vehicles, TagBindings bindings, VehicleCsv csv) {
        this.vehicles = vehicles;
        this.bindings = bindings;
        this.csv = csv;
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
                     @RequestParam(required = false) String cursor) {
        Limits.page(limit);
        if (plate != null) {
            List<Vehicle> found = vehicles.findByPlate(plate).stream().toList();
            return new VehiclePage(views(found), null, limit);
        }
        String after = cursor == null ? null : Cursors.decode(cursor, 1).get(0);
        List<Vehicle> page = vehicles.page(after, limit + 1);
        boolean more = page.size() > limit;
        List<Vehicle> items = more ? page.subList(0, limit) : page;
        return new VehiclePage(views(items), more ? Cursors.encode(items.get(items.size() - 1).plate()) : null, limit);
    }

    @GetMapping("/{id}")
    VehicleView one(@PathVariable UUID id) {
        Vehicle v = vehicles.find(id).orElseThrow(() -> notFound(id));
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
