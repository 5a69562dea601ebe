package org.openrfid.trace.reader.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A timed list of tag observations for the simulator to play. CSV contract (shared with the
 * sample-data module): header {@code offset_ms,reader,antenna,epc,tid,rssi_dbm}; one row per
 * observation; offsets non-decreasing; EPC and TID in hex; RSSI in dBm.
 *
 * @param rows       the observations, ordered by offset
 * @param durationMs length of one pass, the distance between passes when looping
 */
public record Scenario(List<ScenarioRow> rows, long durationMs) {

    static final String HEADER = "offset_ms,reader,antenna,epc,tid,rssi_dbm";

    /** Length of one pass of {@link #gantries}. */
    public static final long GANTRY_PASS_MS = 5_000;
    private static final long GANTRY_DWELL_MS = 1_000;

    public Scenario {
        rows = List.copyOf(rows);
        if (durationMs < 0) {
            throw new IllegalArgumentException("negative duration");
        }
    }

    /** A scenario whose pass lasts until its last row (at least 1 s, so a one-instant scenario cannot spin). */
    public static Scenario of(List<ScenarioRow> rows) {
        long last = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).offsetMs();
        return new Scenario(rows, last > 0 ? last : 1000);
    }

    public static Scenario parse(Reader csv) {
        BufferedReader in = csv instanceof BufferedReader b ? b : new BufferedReader(csv);
        List<ScenarioRow> rows = new ArrayList<>();
        try {
            String header = in.readLine();
            if (header == null || !header.strip().replace(" ", "").equalsIgnoreCase(HEADER)) {
                throw new IllegalArgumentException("line 1: scenario header must be '" + HEADER + "', got '" + header + "'");
            }
            int lineNo = 1;
            long previous = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                ScenarioRow row = parseRow(line, lineNo);
                if (row.offsetMs() < previous) {
                    throw new IllegalArgumentException("line " + lineNo + ": offset_ms " + row.offsetMs()
                            + " goes back in time (previous " + previous + ")");
                }
                previous = row.offsetMs();
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(rows);
    }

    private static ScenarioRow parseRow(String line, int lineNo) {
        String[] f = line.split(",", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException("line " + lineNo + ": expected 6 fields, got " + f.length);
        }
        try {
            long offset = Long.parseLong(f[0].strip());
            if (offset < 0) {
                throw new IllegalArgumentException("negative offset_ms");
            }
            String reader = f[1].strip();
            if (reader.isEmpty()) {
                throw new IllegalArgumentException("empty reader");
            }
            int antenna = Integer.parseInt(f[2].strip());
            if (antenna < 1 || antenna > 65535) {
                throw new IllegalArgumentException("antenna must be 1..65535");
            }
            String epc = hex(f[3].strip(), "epc");
            if (epc.isEmpty()) {
                throw new IllegalArgumentException("empty epc");
            }
            String tid = hex(f[4].strip(), "tid");
            if (tid.length() % 4 != 0) {
                throw new IllegalArgumentException("tid must be whole 16-bit words (a multiple of 4 hex digits)");
            }
            double rssi = Double.parseDouble(f[5].strip());
            if (!(rssi >= -128 && rssi <= 127)) {
                throw new IllegalArgumentException("rssi_dbm outside -128..127");
            }
            return new ScenarioRow(offset, reader, antenna, epc, tid.isEmpty() ? null : tid, rssi);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + lineNo + ": " + e.getMessage(), e);
        }
    }

    private static String hex(String s, String what) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                throw new IllegalArgumentException(what + " is not hex: '" + s + "'");
            }
        }
        return s.toUpperCase(Locale.ROOT);
    }

    public static Scenario fromFile(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario fromClasspath(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalArgumentException("no scenario on the classpath at " + resource);
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reader ids in order of first appearance. */
    public Set<String> readerIds() {
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.add(r.reader()));
        return ids;
    }

    public List<ScenarioRow> rowsFor(String readerId) {
        return rows.stream().filter(r -> r.reader().equals(readerId)).toList();
    }

    /**
     * Dense traffic with passages, for end-to-end load tests: {@code readers} gantry readers named
     * {@code gantry-1..}, each reading {@code readsPerSecond} observations per second of about
     * {@code tagsPresent} tags that pass under it: a tag arrives, is read for one second (entry antennas
     * 1 or 3 first, then exit antennas 2 or 4) and leaves, so every visit is one passage of
     * {@code readsPerSecond / tagsPresent} reads. One pass lasts {@link #GANTRY_PASS_MS}; looped, each tag
     * comes back a pass later, long after any silence window (a visit that starts late in a pass ends early
     * in the next, so the first pass opens with the ends of visits that never began). EPCs are SGTIN-96 (serial = reader × 10⁷ +
     * visit), with 96-bit TIDs.
     */
    public static Scenario gantries(int readers, int readsPerSecond, int tagsPresent, long seed) {
        if (readers < 1 || readers > 400 || readsPerSecond < 1 || tagsPresent < 1 || readsPerSecond < tagsPresent) {
            throw new IllegalArgumentException("gantries need 1..400 readers, tags present >= 1 and reads/s >= tags present");
        }
        Random random = new Random(seed);
        int visits = (int) (tagsPresent * GANTRY_PASS_MS / 1000);
        int readsPerVisit = readsPerSecond / tagsPresent;
        List<ScenarioRow> rows = new ArrayList<>(readers * visits * readsPerVisit);
        for (int r = 0; r < readers; r++) {
            String reader = "gantry-" + (r + 1);
            List<ScenarioRow> own = new ArrayList<>(visits * readsPerVisit);
            for (int v = 0; v < visits; v++) {
                String epc = String.format("3034257BF7194E40%08X", r * 10_000_000 + v);
                String tid = String.format("E2801160%016X", (long) r << 32 | v);
                long arrive = v * 1000L / tagsPresent;
                int lane = random.nextInt(2);
                for (int i = 0; i < readsPerVisit; i++) {
                    // Visits late in the pass end early in the next one, so the rate is even across passes.
                    long at = (arrive + i * GANTRY_DWELL_MS / readsPerVisit) % GANTRY_PASS_MS;
                    int antenna = 1 + 2 * lane + (i < readsPerVisit / 2 ? 0 : 1);
                    own.add(new ScenarioRow(at, reader, antenna, epc, tid, -70 + random.nextInt(3000) / 100.0));
                }
            }
            own.sort(java.util.Comparator.comparingLong(ScenarioRow::offsetMs));
            rows.addAll(own);
        }
        return new Scenario(rows, GANTRY_PASS_MS);
    }

    /**
     * Random traffic for load tests: {@code readers} readers named {@code load-1..}, each reading
     * {@code ratePerSecond} observations per second drawn from its own population of {@code tags}
     * tags (96-bit EPCs with 96-bit TIDs), over one 1-second pass meant to be looped.
     */
    public static Scenario load(int readers, int ratePerSecond, int tags, long seed) {
        if (readers < 1 || ratePerSecond < 1 || tags < 1) {
            throw new IllegalArgumentException("load needs readers, rate and tags >= 1");
        }
        Random random = new Random(seed);
        HexFormat hex = HexFormat.of().withUpperCase();
        List<ScenarioRow> rows = new ArrayList<>();
        String[][] population = new String[readers][];
        for (int r = 0; r < readers; r++) {
            population[r] = new String[tags * 2];
            for (int t = 0; t < tags; t++) {
                byte[] epc = new byte[12];
                random.nextBytes(epc);
                epc[0] = 0x30; // SGTIN-96 header, so decoders downstream see plausible tags
                byte[] tid = new byte[12];
                random.nextBytes(tid);
                tid[0] = (byte) 0xE2;
                population[r][2 * t] = hex.formatHex(epc);
                population[r][2 * t + 1] = hex.formatHex(tid);
            }
        }
        for (int i = 0; i < ratePerSecond; i++) {
            long offset = i * 1000L / ratePerSecond;
            for (int r = 0; r < readers; r++) {
                int t = random.nextInt(tags);
                rows.add(new ScenarioRow(offset, "load-" + (r + 1), 1 + random.nextInt(4), population[r][2 * t],
                        population[r][2 * t + 1], -75 + random.nextInt(4000) / 100.0));
            }
        }
        return new Scenario(rows, 1000);
    }
}
