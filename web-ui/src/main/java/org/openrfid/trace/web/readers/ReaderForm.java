package org.openrfid.trace.web.readers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openrfid.trace.reader.llrp.ConnectionMode;
import org.openrfid.trace.service.readerfleet.ReaderDefinition;

/**
 * The "add a reader" and "edit" form: id, address, port, who dials, and antenna rows ({@link #ROWS}, or one
 * more than a reader being edited has; a row with no place is left out). Its problems are message keys per
 * field, shown next to the field; the definition's own checks run again when it is built.
 */
public record ReaderForm(String id, String host, String port, String connection, List<String> antenna, List<String> location,
                         List<String> direction, List<String> lane, List<String> role) {

    public static final int ROWS = 4;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:_-]{1,253}");

    public static ReaderForm empty() {
        return new ReaderForm("", "", "5084", "CLIENT", List.of("1", "2", "", ""), List.of(), List.of(), List.of(), List.of());
    }

    /** The form filled with a defined reader, for editing. */
    public static ReaderForm of(ReaderDefinition d) {
        List<String> antenna = new ArrayList<>();
        List<String> location = new ArrayList<>();
        List<String> direction = new ArrayList<>();
        List<String> lane = new ArrayList<>();
        List<String> role = new ArrayList<>();
        for (ReaderDefinition.Antenna a : d.antennas()) {
            antenna.add(String.valueOf(a.antenna()));
            location.add(a.location());
            direction.add(a.direction() == null ? "" : a.direction().strip().toUpperCase(java.util.Locale.ROOT));
            lane.add(a.lane() == 0 ? "" : String.valueOf(a.lane()));
            role.add(a.role() == null ? "" : a.role().strip().toUpperCase(java.util.Locale.ROOT));
        }
        antenna.add(""); // one free row to map another antenna
        return new ReaderForm(d.id(), d.host(), String.valueOf(d.port()), d.connection().name(), antenna, location, direction, lane, role);
    }

    public ReaderForm {
        id = id == null ? "" : id.strip();
        host = host == null ? "" : host.strip();
        port = port == null ? "" : port.strip();
        connection = connection == null || connection.isBlank() ? "CLIENT" : connection.strip();
        int rows = Math.max(ROWS, Math.max(size(antenna), size(location)));
        antenna = pad(antenna, rows);
        location = pad(location, rows);
        direction = pad(direction, rows);
        lane = pad(lane, rows);
        role = pad(role, rows);
    }

    /** How many antenna rows the form shows. */
    public int rowCount() {
        return antenna.size();
    }

    /** Field name ({@code id}, {@code host}, {@code port}, {@code connection}, {@code antennas}, {@code antenna0}…) → message key. */
    public Map<String, String> problems(Set<String> knownLocations) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!ID.matcher(id).matches()) {
            problems.put("id", "readers.problem.id");
        }
        problems.putAll(addressProblems());
        if (!"CLIENT".equals(connection) && !"READER_INITIATED".equals(connection)) {
            problems.put("connection", "readers.problem.connection");
        }
        int used = 0;
        for (int i = 0; i < rowCount(); i++) {
            if (location.get(i).isEmpty()) {
                continue;
            }
            used++;
            if (!knownLocations.contains(location.get(i))) {
                problems.put("antenna" + i, "readers.problem.location");
            } else if (number(antenna.get(i), 0, 65535) == null) {
                problems.put("antenna" + i, "readers.problem.antenna");
            } else if (!lane.get(i).isEmpty() && number(lane.get(i), 0, 99) == null) {
                problems.put("antenna" + i, "readers.problem.lane");
            } else if (!Set.of("", "IN", "OUT").contains(direction.get(i)) || !Set.of("", "ENTRY", "EXIT").contains(role.get(i))) {
                problems.put("antenna" + i, "readers.problem.antenna");
            }
        }
        if (used == 0) {
            problems.put("antennas", "readers.problem.noAntenna");
        }
        return problems;
    }

    /** The definition; call only when {@link #problems} is empty. */
    public ReaderDefinition toDefinition() {
        List<ReaderDefinition.Antenna> antennas = new ArrayList<>();
        for (int i = 0; i < rowCount(); i++) {
            if (!location.get(i).isEmpty()) {
                antennas.add(new ReaderDefinition.Antenna(number(antenna.get(i), 0, 65535), location.get(i),
                        direction.get(i).isEmpty() ? null : direction.get(i),
                        lane.get(i).isEmpty() ? 0 : number(lane.get(i), 0, 99), role.get(i).isEmpty() ? null : role.get(i)));
            }
        }
        return new ReaderDefinition(id, host, portNumber(), ConnectionMode.valueOf(connection), false, antennas, List.of());
    }

    /**
     * The edited reader: what the form holds, with what it does not show kept from {@code before} (TLS while
     * still dialled by us, the addresses a reader may call from, disabled or not).
     */
    public ReaderDefinition applyTo(ReaderDefinition before) {
        ReaderDefinition edited = toDefinition();
        boolean tls = before.tls() && edited.connection() == ConnectionMode.CLIENT;
        return new ReaderDefinition(before.id(), edited.host(), edited.port(), edited.connection(), tls, edited.antennas(),
                before.allowedAddresses(), before.disabled());
    }

    public String value(List<String> column, int row) {
        return column.get(row);
    }

    /** What "Test connection" needs of the form: an address and a port. */
    public Map<String, String> addressProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!HOST.matcher(host).matches()) {
            problems.put("host", "readers.problem.host");
        }
        if (portNumber() == null) {
            problems.put("port", "readers.problem.port");
        }
        return problems;
    }

    Integer portNumber() {
        return number(port, 1, 65535);
    }

    private static Integer number(String s, int min, int max) {
        try {
            int n = Integer.parseInt(s.strip());
            return n < min || n > max ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static List<String> pad(List<String> values, int rows) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String v = values != null && i < values.size() && values.get(i) != null ? values.get(i).strip() : "";
            out.add(v);
        }
        return List.copyOf(out);
    }
}
