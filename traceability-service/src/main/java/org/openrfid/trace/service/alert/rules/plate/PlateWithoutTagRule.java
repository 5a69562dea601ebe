package org.openrfid.trace.service.alert.rules.plate;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertSink;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.anpr.PlateRead;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.registry.binding.ObjectKind;

/**
 * {@code PLATE_WITHOUT_TAG}: the camera read the plate of a vehicle that is registered with a tag, and
 * no read of that tag came within the window at that location — the tag was removed or shielded.
 *
 * <p>A camera read is held until its window has passed (plus {@code settle}: a passage is stored when
 * its tag has gone), then looked up: nothing is raised for a plate the registry does not hold (foreign,
 * unregistered), for a vehicle with no tag bound at the read's time, or when a passage at the location
 * within {@code window} of the read is the vehicle's (by the binding the passage was enriched with, or
 * by its EPC, so a passage stored before enrichment knew the binding still counts). A location whose
 * readers stored no passage within {@code readerActiveWithin} of the read is taken to have no working
 * e-plate reader (a camera-only site, a reader down: {@code READER_DOWN}'s business) and raises nothing.
 *
 * <p>Misread tolerance ({@code maxEditDistance}) does not apply here: the camera plate <em>is</em> a
 * registered vehicle's, and a plate another registered vehicle has is never taken as a misread (the rule
 * {@code PLATE_MISMATCH} documents the same choice). Reads below {@code minConfidence} are ignored.
 * The alert is about the camera plate's vehicle ({@code subject} = its id).
 */
final class PlateWithoutTagRule extends HeldCameraReads {


    PlateWithoutTagRule(RuleDefinition definition, PlateRegistry registry) {
        super(definition, registry);
    }

    @Override
    public void onPassage(EnrichedPassage passage, AlertSink alerts) {
        if (definition.covers(passage.passage().locationId())) {
            pairing.addPassage(passage);
        }
    }

    @Override
    void decide(PlateRead read, AlertSink alerts) {
        Optional<PlateRegistry.RegisteredVehicle> found = registry.byPlate(read.plate());
        if (found.isEmpty()) {
            return;
        }
        PlateRegistry.RegisteredVehicle vehicle = found.get();
        Optional<String> tag = registry.tagAt(vehicle.id(), read.timestamp());
        if (tag.isEmpty()) {
            return; // registered without a tag: nothing to miss
        }
        Optional<Instant> readerSeen = pairing.lastPassageAt(read.locationId());
        if (readerSeen.isEmpty() || Duration.between(readerSeen.get(), read.timestamp()).abs().compareTo(params.readerActiveWithin()) > 0) {
            return;
        }
        List<EnrichedPassage> near = pairing.near(read.locationId(), read.timestamp());
        String epc = tag.get();
        boolean tagRead = near.stream().anyMatch(p -> epc.equalsIgnoreCase(p.passage().epc().toHex())
                || (p.object() != null && p.object().kind() == ObjectKind.VEHICLE && p.object().id().equals(vehicle.id())));
        if (tagRead) {
            return;
        }
        Map<String, Object> registered = new LinkedHashMap<>();
        registered.put("vehicleId", vehicle.id());
        registered.put("plate", vehicle.displayPlate());
        registered.put("epc", epc);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("cameraRead", Evidence.cameraRead(read));
        evidence.put("vehicle", registered);
        // What the readers did see then: other tags prove they were working.
        evidence.put("passages", near.stream().limit(10).map(p -> Evidence.passage(p, p.object() == null ? null : p.object().id(), null)).toList());
        evidence.put("readerLastSeen", readerSeen.get().toString());
        evidence.put("window", params.window().toString());
        String summary = "Camera " + read.cameraId() + " read " + vehicle.displayPlate() + " at " + pairing.placeName(read.locationId())
                + " but its e-plate " + epc + " was not read within " + params.window().toSeconds() + " s";
        alerts.raise(new AlertCandidate(AlertType.PLATE_WITHOUT_TAG, definition.id(), definition.severity(), read.timestamp(),
                read.locationId(), ObjectKind.VEHICLE, vehicle.id(), epc, vehicle.displayPlate(), summary, evidence, vehicle.id()));
    }
}
