package org.openrfid.trace.sampledata.world;

import java.util.Locale;

/** The closed set of location kinds in world/locations.csv, written in lower case. */
public enum LocationKind {
    CHECKPOINT, LANE, GATE, DOCK_DOOR, WAREHOUSE, PORT_GATE, LIBRARY_GATE, LIBRARY;

    public String csv() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LocationKind fromCsv(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
