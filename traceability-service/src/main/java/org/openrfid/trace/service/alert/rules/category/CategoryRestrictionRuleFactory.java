package org.openrfid.trace.service.alert.rules.category;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleFactory;
import org.openrfid.trace.service.alert.rules.LocationParents;
import org.openrfid.trace.service.alert.rules.VehicleLookup;

/**
 * Makes {@link AlertType#CATEGORY_RESTRICTION} rules. Params: {@code vehicleTypes} (required: GA 24.4
 * codes and/or {@link VehicleCategories named categories}), {@code from}/{@code to} (local "HH:mm",
 * over midnight allowed; none: all day), {@code days} (MON..SUN; none: every day), {@code zone}
 * (Asia/Shanghai). The rule's {@code locations} and/or {@code area} (WKT polygon, lon/lat) say where.
 * No default rule: a city configures its own restrictions.
 */
public final class CategoryRestrictionRuleFactory implements RuleFactory {

    private final LocationParents parents;
    private final VehicleLookup vehicles;

    public CategoryRestrictionRuleFactory(LocationParents parents, VehicleLookup vehicles) {
        this.parents = parents;
        this.vehicles = vehicles;
    }

    @Override
    public AlertType type() {
        return AlertType.CATEGORY_RESTRICTION;
    }

    @Override
    public Rule create(RuleDefinition definition) {
        var p = definition.p();
        var types = VehicleCategories.codes("vehicleTypes", p.list("vehicleTypes"));
        RestrictedHours hours = RestrictedHours.parse(p);
        return new CategoryRestrictionRule(definition, types, hours, area(definition.area()), parents, vehicles);
    }

    static PreparedGeometry area(String wkt) {
        if (wkt == null) {
            return null;
        }
        Geometry g;
        try {
            g = new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException("area: not WKT (" + e.getMessage() + ")");
        }
        if (!(g instanceof Polygonal) || g.isEmpty() || !g.isValid()) {
            throw new IllegalArgumentException("area: a valid WKT Polygon or MultiPolygon (lon lat) is needed, not a " + g.getGeometryType());
        }
        return PreparedGeometryFactory.prepare(g);
    }
}
