package org.openrfid.trace.web.map;

import java.util.Locale;

/**
 * How maps are drawn: the tile server's URL template ({@code rfid.ui.map.tiles}, a Leaflet template such as
 * {@code https://{s}.tile.example.org/{z}/{x}/{y}.png}; empty for the application's own base layer only), its
 * attribution ({@code rfid.ui.map.attribution}), and the datum its tiles are drawn in ({@code rfid.ui.map.tiles-crs}):
 * {@code WGS84}, or {@code GCJ02} for the base maps of mainland China (AutoNavi, Tencent and most others), which are
 * offset by the GCJ-02 obfuscation; then the browser moves our WGS84 positions the same way before drawing them, so a
 * checkpoint sits on its road. Positions are stored and sent in WGS84 whatever this says.
 */
public record MapSettings(String tiles, String attribution, String crs) {

    public static final String WGS84 = "WGS84";
    public static final String GCJ02 = "GCJ02";

    public MapSettings {
        tiles = tiles == null ? "" : tiles.strip();
        attribution = attribution == null ? "" : attribution.strip();
        String c = crs == null || crs.isBlank() ? WGS84 : crs.strip().toUpperCase(Locale.ROOT).replace("-", "");
        if (!c.equals(WGS84) && !c.equals(GCJ02)) {
            throw new IllegalArgumentException("rfid.ui.map.tiles-crs: '" + crs + "' is not WGS84 or GCJ02");
        }
        crs = c;
    }
}
