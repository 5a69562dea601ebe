package org.openrfid.trace.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.reader.simulator.LlrpReaderSimulator;
import org.openrfid.trace.reader.simulator.Scenario;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.openrfid.trace.service.readerfleet.ReaderDefinition;
import org.openrfid.trace.sampledata.world.DemoFiles;
import org.openrfid.trace.sampledata.world.DemoWorld;
import org.openrfid.trace.sampledata.world.ReadPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The demo city comes alive: its locations are registered, an LLRP reader simulator on 127.0.0.1
 * plays the demo scenario in a loop (one simulated reader per checkpoint or gate), and the service
 * connects to each simulated reader over TCP exactly as it would to a real one.
 */
class DemoMode implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoMode.class);

    private final Locations locations;
    private final ReaderConnections readers;
    private final DemoProperties properties;
    private final DemoRegistries registries;
    private LlrpReaderSimulator simulator;
    private final List<String> readerIds = new ArrayList<>();

    DemoMode(Locations locations, ReaderConnections readers, DemoProperties properties, DemoRegistries registries) {
        this.registries = registries;
        this.locations = locations;
        this.readers = readers;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        DemoWorld world = DemoWorld.load();
        locations.save(world.locations().stream()
                .map(l -> new Location(l.id(), l.name(), l.kind().name().toLowerCase(Locale.ROOT), l.lat(), l.lon(),
                        l.parent() == null || l.parent().isBlank() ? null : l.parent()))
                .toList());
        if (registries != null) {
            registries.load();
        }

        Map<String, List<ReaderDefinition.Antenna>> antennasByReader = new LinkedHashMap<>();
        for (ReadPoint rp : world.readPoints()) {
            antennasByReader.computeIfAbsent(rp.reader(), r -> new ArrayList<>()).add(
                    new ReaderDefinition.Antenna(rp.antenna(), rp.location(), rp.direction(), rp.lane() == null ? 0 : rp.lane()));
        }
        Scenario scenario = Scenario.fromClasspath(DemoFiles.SCENARIO);
        LlrpReaderSimulator.Builder builder = LlrpReaderSimulator.builder()
                .scenario(scenario)
                .timeScale(properties.timeScale())
                .loop(true);
        antennasByReader.keySet().forEach(id -> builder.reader(id, 0));
        simulator = builder.build();
        simulator.start();

        antennasByReader.forEach((id, antennas) -> {
            readers.add(new ReaderDefinition(id, "127.0.0.1", simulator.port(id), antennas));
            readerIds.add(id);
        });
        log.info("Demo mode: {} locations, {} simulated LLRP readers on 127.0.0.1 playing {} (set rfid.demo.enabled=false to turn off)",
                world.locations().size(), readerIds.size(), DemoFiles.SCENARIO);
    }

    @Override
    public synchronized void stop() {
        readerIds.forEach(readers::remove);
        readerIds.clear();
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return simulator != null;
    }

    /** Late: the store, Camel and the web server are up before simulated readers start reporting. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
