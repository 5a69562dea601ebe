package org.openrfid.trace.service.alert.rules.plate;

import java.util.ArrayList;
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
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;

/**
 * {@code PLATE_MISMATCH}: the camera read one plate where the e-plate (the windscreen tag) says another
 * vehicle passed — a cloned or swapped plate, or a tag moved to another vehicle.
 *
 * <p>A camera read is held until its window has passed (plus {@code settle}, since a passage is stored
 * only when its tag has gone), then compared with the passages of tags bound to vehicles at the same
 * location whose presence lies within {@code window} of the read. The read is <em>explained</em> when one
 * of them is its vehicle; the rule raises only when the read is not explained <em>and</em> the vehicle
 * passage closest in time is not explained by another camera read either: at a multi-lane gantry the
 * camera sees several vehicles within the window, each matching its own passage, and a car without a tag
 * beside a tagged one is {@code PLATE_WITHOUT_TAG}'s business, not a mismatch.
 *
 * <p><b>Misread tolerance.</b> Cameras confuse characters (8/B, 0/D). A camera plate at edit distance
 * (Levenshtein, by character, the province counting as one) of at most {@code maxEditDistance} (default 1)
 * from the passage's vehicle's plate counts as the same vehicle <em>only when no other registered vehicle
 * has the camera plate exactly</em>: if it does, the camera has read a real, different plate, and that is
 * the strongest mismatch there is. 0 turns tolerance off. Reads below {@code minConfidence} are ignored
 * (used neither to raise nor to explain); reads whose camera gives no confidence are used. Passages of
 * unbound tags, or of tags bound to something other than a vehicle, are not compared.
 *
 * <p>The alert is about the e-plate's vehicle ({@code subject} = its id): plate and EPC are the
 * passage's; the evidence holds the camera read, the passage(s) and the vehicle the camera plate is
 * registered to, if any.
 */
final class PlateMismatchRule extends HeldCameraReads {


    PlateMismatchRule(RuleDefinition definition, PlateRegistry registry) {
        super(definition, registry);
    }

    @Override
    public void onPassage(EnrichedPassage passage, AlertSink alerts) {
        BoundObject o = passage.object();
        if (o != null && o.kind() == ObjectKind.VEHICLE && definition.covers(passage.passage().locationId())) {
            pairing.addPassage(passage);
        }
    }

    @Override
    void decide(PlateRead read, AlertSink alerts) {
        List<EnrichedPassage> near = pairing.near(read.locationId(), read.timestamp());
        if (near.isEmpty()) {
            return;
        }
        Optional<PlateRegistry.RegisteredVehicle> cameraVehicle = registry.byPlate(read.plate());
        List<Candidate> unexplained = new ArrayList<>();
        for (EnrichedPassage p : near) {
            Optional<PlateRegistry.RegisteredVehicle> bound = registry.vehicle(p.object().id());
            if (bound.isEmpty()) {
                continue; // a vehicle deleted since: nothing to compare with
            }
            if (sameVehicle(read.plate(), bound.get(), cameraVehicle)) {
                return; // the camera saw the e-plate's vehicle
            }
            boolean explained = pairing.readsNear(p).stream()
                    .anyMatch(other -> other != read && sameVehicle(other.plate(), bound.get(), registry.byPlate(other.plate())));
            if (!explained) {
                unexplained.add(new Candidate(p, bound.get()));
            }
        }
        if (unexplained.isEmpty()) {
            return;
        }
        Candidate c = unexplained.get(0);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("cameraRead", Evidence.cameraRead(read));
        evidence.put("passages", unexplained.stream().map(u -> Evidence.passage(u.passage(), u.vehicle().id(), u.vehicle().displayPlate())).toList());
        evidence.put("cameraPlateRegisteredTo", cameraVehicle.map(PlateRegistry.RegisteredVehicle::id).orElse(null));
        evidence.put("editDistance", EditDistance.between(read.plate(), c.vehicle().plate(), 12));
        evidence.put("window", params.window().toString());
        String summary = "Camera " + read.cameraId() + " read " + read.plate() + " at " + pairing.placeName(read.locationId()) + " where the e-plate of "
                + c.vehicle().displayPlate() + " passed" + cameraVehicle.map(v -> " (" + read.plate() + " is another registered vehicle's plate)").orElse("");
        alerts.raise(new AlertCandidate(AlertType.PLATE_MISMATCH, definition.id(), definition.severity(), read.timestamp(), read.locationId(),
                ObjectKind.VEHICLE, c.vehicle().id(), c.passage().passage().epc().toHex(), c.vehicle().displayPlate(), summary, evidence,
                c.vehicle().id()));
    }

    /** The camera plate is the bound vehicle's, exactly or as a tolerated misread (see the class comment). */
    private boolean sameVehicle(String cameraPlate, PlateRegistry.RegisteredVehicle bound,
                                Optional<PlateRegistry.RegisteredVehicle> cameraVehicle) {
        if (cameraPlate.equals(bound.plate())) {
            return true;
        }
        boolean anotherHasIt = cameraVehicle.isPresent() && !cameraVehicle.get().id().equals(bound.id());
        return !anotherHasIt && params.maxEditDistance() > 0
                && EditDistance.between(cameraPlate, bound.plate(), params.maxEditDistance()) <= params.maxEditDistance();
    }

    private record Candidate(EnrichedPassage passage, PlateRegistry.RegisteredVehicle vehicle) {
    }
}
