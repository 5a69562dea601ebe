package org.openrfid.trace.service.registry.vehicle;

import java.io.Reader;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.binding.NewBinding;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.Tag;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.binding.Tags;
import org.openrfid.trace.service.registry.binding.Tids;
import org.openrfid.trace.service.platform.web.csv.CsvExport;
import org.openrfid.trace.service.platform.web.csv.CsvImport;
import org.openrfid.trace.service.platform.web.csv.CsvProgress;
import org.openrfid.trace.service.platform.web.csv.CsvRow;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Vehicle fleet files in the sample-data format {@code plate,plate_type,plate_colour,vehicle_type,vin,status,epc,tid}
 * (optional {@code bound_from}: ISO instant the tag was fitted). Rows are matched to vehicles by VIN,
 * the lasting identity of a vehicle (plates are re-issued); each row registers its tag and binds it.
 * With no {@code bound_from}, a first binding of a new vehicle to a never-bound tag holds from the
 * start of the record (the registry is the authority on whose tag it is); any other change holds
 * from the moment of import, closing the old interval.
 */
public class VehicleCsv {

    public static final List<String> COLUMNS = List.of("plate", "plate_type", "plate_colour", "vehicle_type", "vin", "status", "epc", "tid");
    public static final List<String> OPTIONAL = List.of("bound_from");

    /** Counts of one import. */
    public record ImportResult(long rows, long created, long updated, long bindingsOpened) {
    }

    private record Row(Vehicle vehicle, RawEpc epc, Instant boundFrom) {
    }

    private final Vehicles vehicles;
    private final Tags tags;
    private final TagBindings bindings;
    private final CsvImport<Row> imports;
    private final Clock clock;

    public VehicleCsv(Vehicles vehicles, Tags tags, TagBindings bindings, TransactionTemplate tx, Clock clock) {
        this.vehicles = vehicles;
        this.tags = tags;
        this.bindings = bindings;
        this.imports = new CsvImport<>("vehicle", COLUMNS, OPTIONAL, tx);
        this.clock = clock;
    }

    /** Imports the whole file or nothing ({@code CsvRejectedException} lists why). */
    public ImportResult importFile(Reader in) {
        return importFile(in, CsvProgress.NONE);
    }

    /** As {@link #importFile(Reader)}, telling {@code progress} how many rows are checked and written. */
    public ImportResult importFile(Reader in, CsvProgress progress) {
        Instant now = clock.instant();
        long[] counts = new long[3];
        Set<String> plates = new java.util.HashSet<>();
        Set<String> vins = new java.util.HashSet<>();
        Set<String> epcs = new java.util.HashSet<>();
        long rows = imports.run(in, row -> parse(row, plates, vins, epcs), batch -> write(batch, now, counts), progress);
        return new ImportResult(rows, counts[0], counts[1], counts[2]);
    }

    private static Row parse(CsvRow row, Set<String> plates, Set<String> vins, Set<String> epcs) {
        String plate = row.field("plate", VehicleFields::plate);
        String plateType = row.field("plate_type", VehicleFields::plateType);
        String colour = row.field("plate_colour", VehicleFields::plateColour);
        String type = row.field("vehicle_type", VehicleFields::vehicleType);
        String vin = row.field("vin", VehicleFields::vin);
        String status = row.field("status", VehicleFields::status);
        // A vehicle may be registered before its e-plate is fitted: no EPC, no binding.
        RawEpc epc = row.field("epc", v -> v == null ? null : EpcInput.parse(v));
        String tid = row.field("tid", v -> v == null ? null : Tids.normalise(v));
        Instant boundFrom = row.field("bound_from", v -> {
            if (v == null) {
                return null;
            }
            try {
                return Instant.parse(v);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("'" + v + "' is not an ISO-8601 instant such as 2025-06-02T08:00:00Z");
            }
        });
        if (plate != null && plateType != null) {
            row.field("plate", v -> {
                VehicleFields.plateMatchesType(plate, plateType);
                return null;
            });
        }
        // Duplicates inside the file would silently overwrite each other: name the line.
        if (plate != null && !plates.add(plate)) {
            row.problem("plate", "plate " + plate + " appears on an earlier line");
        }
        if (vin != null && !vins.add(vin)) {
            row.problem("vin", "VIN " + vin + " appears on an earlier line");
        }
        if (epc != null && !epcs.add(epc.toHex())) {
            row.problem("epc", "EPC " + epc.toHex() + " appears on an earlier line");
        }
        if (row.failed()) {
            return null;
        }
        return new Row(new Vehicle(UUID.randomUUID(), plate, plateType, colour, type, vin, status, tid), epc, boundFrom);
    }

    private void write(List<Row> batch, Instant now, long[] counts) {
        Map<String, Vehicle> existing = vehicles.findByVins(batch.stream().map(r -> r.vehicle().vin()).toList());
        Set<String> everBound = bindings.everBound(batch.stream().filter(r -> r.epc() != null).map(r -> r.epc().toHex()).toList());
        List<Vehicle> save = new ArrayList<>(batch.size());
        List<Tag> tagRows = new ArrayList<>(batch.size());
        List<NewBinding> bind = new ArrayList<>(batch.size());
        for (Row r : batch) {
            Vehicle known = existing.get(r.vehicle().vin());
            Vehicle v = known == null ? r.vehicle() : r.vehicle().withId(known.id());
            counts[known == null ? 0 : 1]++;
            save.add(v);
            if (r.epc() == null) {
                continue;
            }
            tagRows.add(new Tag(r.epc(), v.registeredTid()));
            Instant from = r.boundFrom() != null ? r.boundFrom()
                    : known == null && !everBound.contains(r.epc().toHex()) ? Instant.EPOCH : now;
            bind.add(new NewBinding(r.epc().toHex(), ObjectKind.VEHICLE, v.id().toString(), from));
        }
        vehicles.save(save);
        tags.save(tagRows);
        counts[2] += bindings.bind(bind);
    }

    /** Writes every vehicle in plate order with its current tag, in the import format. */
    public long exportFile(Writer out) {
        return CsvExport.write(out, COLUMNS, (Vehicle last) -> vehicles.page(last == null ? null : last.plate(), CsvExport.PAGE),
                (page, records) -> {
                    Map<String, TagBinding> open = bindings.openOf(ObjectKind.VEHICLE, page.stream().map(v -> v.id().toString()).toList());
                    for (Vehicle v : page) {
                        TagBinding b = open.get(v.id().toString());
                        records.print(v.plate(), v.plateType(), v.plateColour(), v.vehicleType(), v.vin(), v.status(),
                                b == null ? "" : b.epcHex(), v.registeredTid() == null ? "" : v.registeredTid());
                    }
                });
    }
}
