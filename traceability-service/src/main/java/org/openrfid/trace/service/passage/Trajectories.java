package org.openrfid.trace.service.passage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trajectories as GeoJSON (RFC 7946): a FeatureCollection with a Point feature per passage (its
 * properties say when, where and how well it was read) and, when there are two or more positions, a
 * LineString through them in time order. Positions are [lon, lat]; a passage at an area location (a
 * warehouse, a car park) is drawn at the area's representative point, a point on its surface. A passage at an unregistered
 * location is kept as a feature with null geometry, so nothing read is silently left out.
 */
public final class Trajectories {

    private Trajectories() {
    }

    public static Map<String, Object> geoJson(List<LocatedPassage> passages, Map<String, Object> lineProperties) {
        List<Object> features = new ArrayList<>(passages.size() + 1);
        List<double[]> line = new ArrayList<>();
        for (LocatedPassage lp : passages) {
            PassageView v = PassageView.of(lp);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("passageId", v.id());
            properties.put("epc", v.epc());
            properties.put("tagUri", v.tagUri());
            properties.put("locationId", v.locationId());
            properties.put("locationName", v.locationName());
            properties.put("readerId", v.readerId());
            properties.put("antenna", v.antenna());
            properties.put("firstSeen", v.firstSeen().toString());
            properties.put("lastSeen", v.lastSeen().toString());
            properties.put("reads", v.reads());
            properties.put("peakRssi", v.peakRssi());
            properties.put("direction", v.direction());
            Map<String, Object> geometry = null;
            if (v.lat() != null) {
                double[] position = {v.lon(), v.lat()};
                line.add(position);
                geometry = Map.of("type", "Point", "coordinates", position);
            }
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("id", v.id());
            feature.put("geometry", geometry);
            feature.put("properties", properties);
            features.add(feature);
        }
        if (line.size() >= 2) {
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("geometry", Map.of("type", "LineString", "coordinates", line));
            Map<String, Object> properties = new LinkedHashMap<>(lineProperties);
            properties.put("positions", line.size());
            feature.put("properties", properties);
            features.add(feature);
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return collection;
    }
}
