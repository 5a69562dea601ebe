package org.openrfid.trace.service.readerfleet;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.openrfid.trace.reader.llrp.ConnectionMode;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * A fixed reader the service keeps a session to, and where its antennas are. Invalid values throw
 * {@link IllegalArgumentException} whose message starts with the field name (the API's 400 detail).
 *
 * @param id         reader id, also its route id suffix: letters, digits, '-', '_', '.'
 * @param host       reader address (for reader-initiated connections: the address it calls from)
 * @param port       LLRP port, 5084 by convention (5085 with TLS); unused for reader-initiated connections
 * @param connection who dials: we ({@code CLIENT}) or the reader ({@code READER_INITIATED})
 * @param tls        LLRP over TLS (client-initiated only)
 * @param antennas   antenna → location mapping; antenna 0 maps every antenna
 * @param allowedAddresses reader-initiated only: sources besides {@code host} the reader may call from
 *                   (addresses or host names, e.g. a NAT or load balancer in front of it); a caller from
 *                   anywhere else is hung up on before the greeting
 * @param disabled   kept defined (antennas, places, history) but not connected: no member dials it or
 *                   accepts its call until it is enabled again
 *
 * <p>Serializable because definitions are kept cluster-wide in a backed-up Hazelcast map.
 */
public record ReaderDefinition(String id, String host, int port, ConnectionMode connection, boolean tls, List<Antenna> antennas,
        List<String> allowedAddresses, boolean disabled) implements Serializable {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /**
     * One antenna's placement.
     *
     * @param antenna   antenna port, 0 for every antenna of the reader
     * @param location  location id
     * @param direction the way the location (or lane) faces: IN, OUT or empty
     * @param lane      lane number, 0 when not a lane
     * @param role      ENTRY or EXIT: the antenna a tag travelling in {@code direction} (IN when empty) meets
     *                  first or last, so the order of reads gives the way it went; empty when neither
     */
    public record Antenna(int antenna, String location, String direction, int lane, String role) implements Serializable {

        @ConstructorBinding
        public Antenna {
        }

        /** An antenna without an entry/exit role. */
        public Antenna(int antenna, String location, String direction, int lane) {
            this(antenna, location, direction, lane, null);
        }
    }

    @ConstructorBinding
    public ReaderDefinition {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id: must be 1-64 letters, digits, '.', '-' or '_' starting with a letter or digit, was '" + id + "'");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host: required (reader " + id + ")");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port: must be 1..65535, was " + port + " (reader " + id + ")");
        }
        connection = Objects.requireNonNullElse(connection, ConnectionMode.CLIENT);
        if (tls && connection == ConnectionMode.READER_INITIATED) {
            throw new IllegalArgumentException("tls: supported on CLIENT connections only (reader " + id + ")");
        }
        antennas = antennas == null ? List.of() : List.copyOf(antennas);
        allowedAddresses = allowedAddresses == null ? List.of()
                : allowedAddresses.stream().filter(Objects::nonNull).map(String::trim).filter(a -> !a.isEmpty()).toList();
        for (String a : allowedAddresses) {
            if (!a.matches("[A-Za-z0-9.:_-]+")) {
                throw new IllegalArgumentException("allowedAddresses: '" + a + "' is not an address or host name (reader " + id + ")");
            }
        }
        for (int i = 0; i < antennas.size(); i++) {
            Antenna a = antennas.get(i);
            if (a == null) {
                throw new IllegalArgumentException("antennas[" + i + "]: must not be null");
            }
            if (a.antenna() < 0 || a.antenna() > 65535) {
                throw new IllegalArgumentException("antennas[" + i + "].antenna: must be 0..65535 (0 = every antenna), was " + a.antenna());
            }
            if (a.location() == null || a.location().isBlank()) {
                throw new IllegalArgumentException("antennas[" + i + "].location: required");
            }
            if (a.direction() != null && !a.direction().isBlank() && !a.direction().trim().matches("(?i)IN|OUT")) {
                throw new IllegalArgumentException("antennas[" + i + "].direction: must be IN, OUT or empty, was '" + a.direction() + "'");
            }
            if (a.role() != null && !a.role().isBlank() && !a.role().trim().matches("(?i)ENTRY|EXIT")) {
                throw new IllegalArgumentException("antennas[" + i + "].role: must be ENTRY, EXIT or empty, was '" + a.role() + "'");
            }
            if (a.lane() < 0) {
                throw new IllegalArgumentException("antennas[" + i + "].lane: must be >= 0, was " + a.lane());
            }
        }
    }

    /** An enabled reader. */
    public ReaderDefinition(String id, String host, int port, ConnectionMode connection, boolean tls, List<Antenna> antennas,
                            List<String> allowedAddresses) {
        this(id, host, port, connection, tls, antennas, allowedAddresses, false);
    }

    /** The same reader, disabled or enabled. */
    public ReaderDefinition withDisabled(boolean off) {
        return new ReaderDefinition(id, host, port, connection, tls, antennas, allowedAddresses, off);
    }

    /** A reader that may call only from its {@code host} (or is dialled there). */
    public ReaderDefinition(String id, String host, int port, ConnectionMode connection, boolean tls, List<Antenna> antennas) {
        this(id, host, port, connection, tls, antennas, List.of());
    }

    /** A client-initiated plain-TCP reader. */
    public ReaderDefinition(String id, String host, int port, List<Antenna> antennas) {
        this(id, host, port, ConnectionMode.CLIENT, false, antennas);
    }
}
