package org.openrfid.trace.readers;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.ReadPoint;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.pipeline.ReaderRoute;
import org.openrfid.trace.reader.ReaderStatus;
import org.openrfid.trace.reader.ReaderStatusBoard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readers this node keeps sessions to. Adding a reader registers its read points and starts a
 * Camel route from its {@code llrp:} endpoint into the pipeline; removing it stops the route
 * (which closes the LLRP session politely). No restart needed either way.
 */
public class ReaderConnections {

    private static final Logger log = LoggerFactory.getLogger(ReaderConnections.class);

    private final CamelContext camel;
    private final PipelineEndpoints endpoints;
    private final ReadPointDirectory readPoints;
    private final ReaderStatusBoard statusBoard;
    private final Map<String, ReaderDefinition> readers = new ConcurrentHashMap<>();
    private final List<ReaderListener> listeners = new CopyOnWriteArrayList<>();

    public ReaderConnections(CamelContext camel, PipelineEndpoints endpoints, ReadPointDirectory readPoints, ReaderStatusBoard statusBoard) {
        this.camel = camel;
        this.endpoints = endpoints;
        this.readPoints = readPoints;
        this.statusBoard = statusBoard;
    }

    public void addListener(ReaderListener listener) {
        listeners.add(listener);
        readers.values().forEach(listener::added);
    }

    /** Adds a new reader; fails when the id is taken. */
    public synchronized void create(ReaderDefinition reader) {
        if (readers.containsKey(reader.id())) {
            throw new DuplicateReaderException(reader.id());
        }
        add(reader);
    }

    /** Replaces an existing reader (its session restarts with the new settings); fails when unknown. */
    public synchronized void replace(ReaderDefinition reader) {
        if (!readers.containsKey(reader.id())) {
            throw new UnknownReaderException(reader.id());
        }
        add(reader);
    }

    /** Adds the reader, replacing one with the same id. */
    public synchronized void add(ReaderDefinition reader) {
        if (readers.containsKey(reader.id())) {
            remove(reader.id());
        }
        for (ReaderDefinition.Antenna a : reader.antennas()) {
            readPoints.put(new ReadPoint(reader.id(), a.antenna(), a.location(), Direction.parse(a.direction()), a.lane()));
        }
        try {
            camel.addRoutes(new ReaderRoute(reader.id(), llrpUri(reader), endpoints));
        } catch (Exception e) {
            readPoints.removeReader(reader.id());
            throw new IllegalStateException("Could not start reader " + reader.id() + ": " + e.getMessage(), e);
        }
        readers.put(reader.id(), reader);
        listeners.forEach(l -> l.added(reader));
        log.info("Reader {} added: LLRP {} {}:{}{}, {} antenna mapping(s)", reader.id(), reader.connection(), reader.host(),
                reader.port(), reader.tls() ? " (TLS)" : "", reader.antennas().size());
    }

    public synchronized boolean remove(String readerId) {
        ReaderDefinition removed = readers.remove(readerId);
        if (removed == null) {
            return false;
        }
        String routeId = ReaderRoute.routeId(readerId);
        try {
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
        } catch (Exception e) {
            log.warn("Reader {}: stopping its route failed: {}", readerId, e.toString());
        }
        readPoints.removeReader(readerId);
        listeners.forEach(l -> l.removed(readerId));
        return true;
    }

    public Collection<ReaderDefinition> all() {
        return List.copyOf(readers.values());
    }

    public Optional<ReaderDefinition> find(String id) {
        return Optional.ofNullable(readers.get(id));
    }

    public Optional<ReaderStatus> status(String id) {
        return statusBoard.status(id);
    }

    public Collection<ReaderStatus> statuses() {
        return statusBoard.statuses();
    }

    static String llrpUri(ReaderDefinition reader) {
        return "llrp:" + reader.id() + "?host=" + reader.host() + "&port=" + reader.port()
                + "&connection=" + reader.connection() + "&tls=" + reader.tls();
    }
}
