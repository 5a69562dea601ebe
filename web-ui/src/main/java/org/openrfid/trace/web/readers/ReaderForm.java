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
 * The "add a reader" form: id, address, port, who dials, and up to {@link #ROWS} antenna rows (a row with
 * no place is left out). Its problems are message keys per field, shown next to the field; the
 * definition's own checks run again when it is built.
 */
public record ReaderForm(String id, String host, String port, String connection, List<String> antenna, List<String> location,
                         List<String> direction, List<String> lane, List<String> role) {

    public static final int ROWS = 4;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:_-]{1,253}");

    public static ReaderForm empty() {
        return new ReaderForm("", "", "5084", "CLIENT", List.of("1", "2", "", ""), List.of(), List.of(), List.of(), List.of());
    }

    public ReaderForm {
        id = id == null ? "" : id.strip();
        host = host == null ? "" : host.strip();
        port = port == null ? "" : port.strip();
        connection = connection == null || connection.isBlank() ? "CLIENT" : connection.strip();
        antenna = pad(antenna);
        location = pad(location);
        direction = pad(direction);
        lane = pad(lane);
        role = pad(role);
    }

    /** Field name ({@code id}, {@code host}, {@code port}, {@code connection}, {@code antennas}, {@code antenna0}…) → message key. */
    public Map<String, String> problems(Set<String> knownLocations) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!ID.matcher(id).matches()) {
            problems.put("id", "readers.problem.id");
        }
        if (!HOST.matcher(host).matches()) {
            problems.put("host", "readers.problem.host");
        }
        if (portNumber() == null) {
            problems.put("port", "readers.problem.port");
        }
        if (!"CLIENT".equals(connection) && !"READER_INITIATED".equals(connection)) {
            problems.put("connection", "readers.problem.connection");
        }
        int used = 0;
        for (int i = 0; i < ROWS; i++) {
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
        for (int i = 0; i < ROWS; i++) {
            if (!location.get(i).isEmpty()) {
                antennas.add(new ReaderDefinition.Antenna(number(antenna.get(i), 0, 65535), location.get(i),
                        direction.get(i).isEmpty() ? null : direction.get(i),
                        lane.get(i).isEmpty() ? 0 : number(lane.get(i), 0, 99), role.get(i).isEmpty() ? null : role.get(i)));
            }
        }
        return new ReaderDefinition(id, host, portNumber(), ConnectionMode.valueOf(connection), false, antennas, List.of());
    }

    public String value(List<String> column, int row) {
        return column.get(row);
    }

    private Integer portNumber() {
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

    private static List<String> pad(List<String> values) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String v = values != null && i < values.size() && values.get(i) != null ? values.get(i).strip() : "";
            out.add(v);
        }
        return List.copyOf(out);
    }
}
