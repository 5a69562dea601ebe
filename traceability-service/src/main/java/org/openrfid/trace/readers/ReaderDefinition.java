package org.openrfid.trace.readers;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fixed reader the service keeps a session to, and where its antennas are.
 *
 * @param id       reader id, also its route id suffix: letters, digits, '-', '_', '.'
 * @param host     reader address
 * @param port     LLRP port, 5084 by convention
 * @param antennas antenna → location mapping; antenna 0 maps every antenna
 */
public record ReaderDefinition(String id, String host, int port, List<Antenna> antennas) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** One antenna's placement. */
    public record Antenna(int antenna, String location, String direction, int lane) {
    }

    public ReaderDefinition {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("reader id must be 1-64 letters, digits, '.', '-' or '_': '" + id + "'");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("reader " + id + ": host is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("reader " + id + ": port must be 1..65535, was " + port);
        }
        antennas = antennas == null ? List.of() : List.copyOf(antennas);
    }
}
