package org.openrfid.trace.service.readerfleet;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.ReadPoint;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.passage.ReadPointRole;
import org.openrfid.trace.pipeline.cluster.ReaderOwnership;
import org.openrfid.trace.reader.ReaderStatus;
import org.openrfid.trace.reader.ReaderStatusBoard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readers of the cluster and the connections this member holds (DESIGN.md §5). Definitions are
 * cluster-wide ({@link ReaderDefinitions}): a reader added on any member registers its read points on every
 * member. Its connection — a Camel route from its {@code llrp:} endpoint into the pipeline — runs on exactly
 * one member, chosen by {@link ReaderOwnership}, and moves to another member within seconds when that one
 * dies or leaves. Removing a reader stops its route (closing the LLRP session politely). No restart needed.
 *
 * <p>Reader-initiated readers ({@code READER_INITIATED}) follow the same ownership: only the holding member
 * waits for the reader on its listener port; a reader that dials another member is sent CLOSE_CONNECTION
 * and dials again. Such a reader must therefore be able to reach the holder: point it at a TCP load
 * balancer (or virtual address) in front of every member's {@code rfid.llrp.listen-port}, so that its
 * redials reach the holder, including the new holder after a take-over.
 */
public class ReaderConnections implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReaderConnections.class);

    private final ReaderLinks links;
    private final ReadPointDirectory readPoints;
    private final ReaderStatusBoard statusBoard;
    private final HazelcastInstance hazelcast;
    private final ReaderDefinitions definitions;
    private final ReaderOwnership ownership;
    /** Every reader of the cluster, as this member last heard. */
    private final Map<String, ReaderDefinition> readers = new ConcurrentHashMap<>();
    /** The readers whose route runs on this member, with the definition it runs with. */
    private final Map<String, ReaderDefinition> running = new ConcurrentHashMap<>();
    private final List<ReaderListener> listeners = new CopyOnWriteArrayList<>();
    /** Applies changes heard from the cluster in order, off Hazelcast's event threads (it looks values up). */
    private final ExecutorService sync = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rfid-reader-definitions");
        t.setDaemon(true);
        return t;
    });
    private UUID registration;

    public ReaderConnections(ReaderLinks links, ReadPointDirectory readPoints,
                             ReaderStatusBoard statusBoard, HazelcastInstance hazelcast) {
        this.links = links;
        this.readPoints = readPoints;
        this.statusBoard = statusBoard;
        this.hazelcast = hazelcast;
        this.definitions = new ReaderDefinitions(hazelcast);
        this.ownership = new ReaderOwnership(hazelcast, this::enabledIds, new ReaderOwnership.Sessions() {
            @Override
            public void open(String readerId) {
                openHere(readerId);
            }

            @Override
            public void close(String readerId) {
                closeHere(readerId);
            }
        });
    }

    /** Adds the cluster structures readers need (definitions, connection leases) to a member's configuration. */
    public static void configure(Config config) {
        ReaderDefinitions.configure(config);
        ReaderOwnership.configure(config);
    }

    /**
     * Follows the cluster's definitions and starts holding this member's share of the connections. Call once
     * Camel runs; readers added before are defined at once and connected from here on.
     */
    public synchronized ReaderConnections start() {
        if (registration == null) {
            registration = definitions.listen(id -> sync.execute(() -> sync(id)));
            definitions.all().forEach(this::defined);
            ownership.start();
        }
        return this;
    }

    /** Told when this member starts or stops holding a reader's connection (metrics, audit). */
    public void addListener(ReaderListener listener) {
        listeners.add(listener);
        running.values().forEach(listener::added);
    }

    /** Adds a new reader; fails when the id is taken. */
    public void create(ReaderDefinition reader) {
        if (!definitions.create(reader)) {
            throw new DuplicateReaderException(reader.id());
        }
        defined(reader);
    }

    /** Replaces an existing reader (its session restarts with the new settings); fails when unknown. */
    public void replace(ReaderDefinition reader) {
        if (!definitions.replace(reader)) {
            throw new UnknownReaderException(reader.id());
        }
        defined(reader);
    }

    /** Adds the reader, replacing one with the same id. */
    public void add(ReaderDefinition reader) {
        definitions.put(reader);
        defined(reader);
    }

    public boolean remove(String readerId) {
        boolean removed = definitions.remove(readerId);
        undefined(readerId);
        return removed;
    }

    public Collection<ReaderDefinition> all() {
        return List.copyOf(readers.values());
    }

    public Optional<ReaderDefinition> find(String id) {
        return Optional.ofNullable(readers.get(id));
    }

    /** The live status of a reader whose connection this member holds. */
    public Optional<ReaderStatus> status(String id) {
        return statusBoard.status(id);
    }

    public Collection<ReaderStatus> statuses() {
        return statusBoard.statuses();
    }

    /** Readers whose connection this member holds. */
    public Set<String> heldHere() {
        return Set.copyOf(running.keySet());
    }

    /** The address of the member holding the reader's connection, when one does. */
    public Optional<String> heldBy(String id) {
        String uuid = ownership.holder(id);
        if (uuid == null) {
            return Optional.empty();
        }
        try {
            for (Member m : hazelcast.getCluster().getMembers()) {
                if (m.getUuid().toString().equals(uuid)) {
                    return Optional.of(m.getAddress().getHost() + ":" + m.getAddress().getPort());
                }
            }
        } catch (HazelcastInstanceNotActiveException e) {
            // shutting down
        }
        return Optional.empty();
    }

    /** Connections taken over from a member that died. */
    public long takeovers() {
        return ownership.takeovers();
    }

    // ---------------------------------------------------------------- definitions, from any member

    private void sync(String readerId) {
        try {
            ReaderDefinition current = definitions.get(readerId);
            if (current == null) {
                undefined(readerId);
            } else {
                defined(current);
            }
        } catch (HazelcastInstanceNotActiveException e) {
            // shutting down
        } catch (RuntimeException e) {
            log.warn("Reader {}: applying a change from the cluster failed", readerId, e);
        }
    }

    private void defined(ReaderDefinition reader) {
        ReaderDefinition before;
        synchronized (this) {
            before = readers.put(reader.id(), reader);
            if (reader.equals(before)) {
                return;
            }
            readPoints.removeReader(reader.id());
            for (ReaderDefinition.Antenna a : reader.antennas()) {
                readPoints.put(readPoint(reader.id(), a));
            }
        }
        log.info("Reader {} defined: LLRP {} {}:{}{}, {} antenna mapping(s){}", reader.id(), reader.connection(), reader.host(),
                reader.port(), reader.tls() ? " (TLS)" : "", reader.antennas().size(), reader.disabled() ? ", disabled" : "");
        // outside this lock: ownership calls back into it
        if (reader.disabled()) {
            ownership.release(reader.id()); // the member holding it hangs up now, the others never dial
        } else if (before != null && !before.disabled()) {
            ownership.restart(reader.id());
        }
        ownership.recheck();
    }

    private void undefined(String readerId) {
        synchronized (this) {
            if (readers.remove(readerId) == null) {
                return;
            }
            readPoints.removeReader(readerId);
        }
        ownership.release(readerId);
        log.info("Reader {} removed", readerId);
    }

    /** The readers a member may hold: every defined one that is not disabled. */
    private Collection<String> enabledIds() {
        return readers.values().stream().filter(r -> !r.disabled()).map(ReaderDefinition::id).toList();
    }

    static ReadPoint readPoint(String readerId, ReaderDefinition.Antenna a) {
        return new ReadPoint(readerId, a.antenna(), a.location(), Direction.parse(a.direction()), a.lane(), ReadPointRole.parse(a.role()));
    }

    // ---------------------------------------------------------------- this member's connections (ownership thread)

    private synchronized void openHere(String readerId) {
        ReaderDefinition reader = readers.get(readerId);
        if (reader == null) {
            throw new IllegalStateException("reader " + readerId + " is no longer defined");
        }
        try {
            links.open(reader.id(), llrpUri(reader));
        } catch (Exception e) {
            throw new IllegalStateException("Could not start reader " + reader.id() + ": " + e.getMessage(), e);
        }
        running.put(readerId, reader);
        listeners.forEach(l -> l.added(reader));
        log.info("Reader {}: connection held by this member", readerId);
    }

    private synchronized void closeHere(String readerId) {
        try {
            links.close(readerId);
        } catch (Exception e) {
            log.warn("Reader {}: stopping its route failed: {}", readerId, e.toString());
        }
        if (running.remove(readerId) != null) {
            listeners.forEach(l -> l.removed(readerId));
        }
    }

    @Override
    public void close() {
        sync.shutdownNow();
        ownership.close();
        synchronized (this) {
            if (registration != null) {
                try {
                    definitions.stopListening(registration);
                } catch (HazelcastInstanceNotActiveException e) {
                    // the member is gone already
                }
                registration = null;
            }
        }
    }

    static String llrpUri(ReaderDefinition reader) {
        return "llrp:" + reader.id() + "?host=" + reader.host() + "&port=" + reader.port()
                + "&connection=" + reader.connection() + "&tls=" + reader.tls()
                + (reader.allowedAddresses().isEmpty() ? "" : "&allowedAddresses=" + String.join(",", reader.allowedAddresses()));
    }
}
