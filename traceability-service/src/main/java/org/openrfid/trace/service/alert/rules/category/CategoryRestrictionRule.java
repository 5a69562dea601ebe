package org.openrfid.trace.service.alert.rules.category;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.openrfid.trace.service.alert.AlertSink;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rules.Evidence;
import org.openrfid.trace.service.alert.rules.LocationParents;
import org.openrfid.trace.service.alert.rules.VehicleLookup;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.registry.vehicle.Vehicle;

/**
 * CATEGORY_RESTRICTION: a vehicle of a restricted type (coaches, school buses, tankers, heavy trucks,
 * or listed GA 24.4 codes) passes a checkpoint of the restricted zone — the listed locations (or a lane
 * of one), or any location inside the area polygon — during the restricted hours. Listing neither
 * locations nor area restricts everywhere.
 */
final class CategoryRestrictionRule implements Rule {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final RuleDefinition definition;
    private final Set<String> types;
    private final RestrictedHours hours;
    private final PreparedGeometry area;
    private final LocationParents parents;
    private final VehicleLookup vehicles;

    CategoryRestrictionRule(RuleDefinition definition, Set<String> types, RestrictedHours hours, PreparedGeometry area,
                            LocationParents parents, VehicleLookup vehicles) {
        this.definition = definition;
        this.types = types;
        this.hours = hours;
        this.area = area;
        this.parents = parents;
        this.vehicles = vehicles;
    }

    @Override
    public RuleDefinition definition() {
        return definition;
    }

    @Override
    public void onPassage(EnrichedPassage passage, AlertSink alerts) {
        if (!hours.holdsAt(passage.passage().firstSeen()) || !inZone(passage)) {
            return;
        }
        Optional<Vehicle> vehicle = vehicles.of(passage.object());
        if (vehicle.isEmpty() || !types.contains(vehicle.get().vehicleType())) {
            return;
        }
        Vehicle v = vehicle.get();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("passage", Evidence.passage(passage));
        evidence.put("vehicleType", v.vehicleType());
        evidence.put("restrictedTypes", types.stream().sorted().toList());
        evidence.put("hours", hours.describe());
        String summary = "Vehicle " + v.plate() + " (type " + v.vehicleType() + ") passed " + Evidence.place(passage) + " at "
                + passage.passage().firstSeen().atZone(hours.zone()).toLocalTime().withNano(0) + " during its restricted hours "
                + hours.describe() + ".";
        alerts.raise(Evidence.about(definition, AlertType.CATEGORY_RESTRICTION, passage, v.plate(), summary, evidence, Evidence.subject(passage)));
    }

    private boolean inZone(EnrichedPassage passage) {
        String id = passage.passage().locationId();
        boolean listed = !definition.locations().isEmpty();
        if (!listed && area == null) {
            return true;
        }
        if (listed && (definition.locations().contains(id) || definition.locations().contains(String.valueOf(parents.parentOf(id))))) {
            return true;
        }
        if (area != null && passage.location() != null) {
            Geometry point = GEOMETRY.createPoint(new Coordinate(passage.location().lon(), passage.location().lat()));
            return area.covers(point);
        }
        return false;
    }
}
