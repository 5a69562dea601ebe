package org.openrfid.trace.service.alert.rules.plate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertSink;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.anpr.PlateRead;
import org.openrfid.trace.service.anpr.PlateReadIds;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;

/** Small factories for the plate rules' tests: an in-memory registry, passages, camera reads, a collecting sink. */
final class PlateFixtures {

    static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    static final String CP = "CQ-CP-001";

    /** The registry as a map: vehicles by id, plates, tags. */
    static final class Registry implements PlateRegistry {
        final Map<String, RegisteredVehicle> byId = new HashMap<>();
        final Map<String, String> tags = new HashMap<>();
        int lookups;

        /** Registers a vehicle with this display plate ({@code 渝A·12345}) and, unless null, this tag. */
        String vehicle(String displayPlate, String epc) {
            String id = UUID.nameUUIDFromBytes(displayPlate.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
            byId.put(id, new RegisteredVehicle(id, displayPlate.replace("·", ""), displayPlate));
            if (epc != null) {
                tags.put(id, epc);
            }
            return id;
        }

        @Override
        public Optional<RegisteredVehicle> vehicle(String vehicleId) {
            lookups++;
            return Optional.ofNullable(byId.get(vehicleId));
        }

        @Override
        public Optional<RegisteredVehicle> byPlate(String plate) {
            lookups++;
            return byId.values().stream().filter(v -> v.plate().equals(plate)).findFirst();
        }

        @Override
        public Optional<String> tagAt(String vehicleId, Instant at) {
            return Optional.ofNullable(tags.get(vehicleId));
        }
    }

    static final class Alerts implements AlertSink {
        final List<AlertCandidate> raised = new ArrayList<>();

        @Override
        public void raise(AlertCandidate candidate) {
            raised.add(candidate);
        }
    }

    static RuleDefinition rule(AlertType type, Map<String, Object> params, List<String> locations) {
        return new RuleDefinition(type == AlertType.PLATE_MISMATCH ? "plate-mismatch" : "plate-without-tag", type, true, Severity.HIGH,
                params, locations, null);
    }

    /** A passage of the tag at the location over [first, last], bound to the vehicle (null: unbound). */
    static EnrichedPassage passage(String epc, String location, Instant first, Instant last, String vehicleId) {
        Passage p = new Passage("p-" + epc + "-" + first.toEpochMilli(), RawEpc.ofHex(epc), null, location, "gantry-1", 1, first, last, 5, -55,
                Direction.NONE);
        return new EnrichedPassage(p, vehicleId == null ? null : new BoundObject(ObjectKind.VEHICLE, vehicleId), null);
    }

    static PlateRead read(String plate, String location, Instant at, double confidence) {
        return PlateReadIds.identify(new PlateRead(0, "cam-7", location, plate, "blue", confidence, at, "IN", at.plusMillis(200)));
    }

    /** After every read's window and settle time (defaults: 10 s + 30 s). */
    static Instant decided(Instant readAt) {
        return readAt.plusSeconds(41);
    }

    private PlateFixtures() {
    }
}
