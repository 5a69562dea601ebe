package org.openrfid.trace.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openrfid.trace.sampledata.world.DemoFiles;
import org.openrfid.trace.service.customs.DeclarationCsv;
import org.openrfid.trace.service.logistics.ShipmentCsv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's customs declarations (one held, one missing a pallet, the others plain) and the shipments
 * its dock doors expect, imported through the product's CSV imports after the goods registries. The
 * demo's shipment windows are offsets from the demo's start, turned into instants here, so the
 * scenario's loads fall inside them whenever the demo starts.
 */
final class DemoTrade {

    private static final Logger log = LoggerFactory.getLogger(DemoTrade.class);

    private final DeclarationCsv declarations;
    private final ShipmentCsv shipments;
    private final Clock clock;

    DemoTrade(DeclarationCsv declarations, ShipmentCsv shipments, Clock clock) {
        this.declarations = declarations;
        this.shipments = shipments;
        this.clock = clock;
    }

    void load() {
        try {
            log.info("Demo declarations: {}", declarations.importFile(new StringReader(text(DemoFiles.DECLARATIONS)), "demo"));
            log.info("Demo shipments: {}", shipments.importFile(new StringReader(shipmentsFrom(text(DemoFiles.SHIPMENTS), clock.instant()))));
        } catch (RuntimeException e) {
            // The demo still runs without them: its gate transactions are then reconciled against nothing.
            log.warn("Demo declarations and shipments were not loaded: {}", e.getMessage());
        }
    }

    /** {@code id,dock_door,from_offset_ms,to_offset_ms,ssccs,sgtins} as the shipment import format, offsets from {@code start}. */
    static String shipmentsFrom(String offsets, Instant start) {
        StringBuilder out = new StringBuilder(String.join(",", ShipmentCsv.COLUMNS)).append('\n');
        List<String> lines = offsets.lines().skip(1).filter(l -> !l.isBlank()).toList();
        for (String line : lines) {
            String[] f = line.split(",", -1);
            out.append(f[0]).append(',').append(f[1]).append(',').append(start.plusMillis(Long.parseLong(f[2]))).append(',')
                    .append(start.plusMillis(Long.parseLong(f[3]))).append(',').append(f[4]).append(',').append(f[5]).append('\n');
        }
        return out.toString();
    }

    private static String text(String resource) {
        try (InputStream in = DemoTrade.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo file " + resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("reading " + resource + ": " + e.getMessage(), e);
        }
    }
}
