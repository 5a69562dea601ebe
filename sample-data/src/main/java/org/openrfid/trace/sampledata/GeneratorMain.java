package org.openrfid.trace.sampledata;

import org.openrfid.trace.sampledata.world.DemoFiles;
import org.openrfid.trace.sampledata.world.DemoWorld;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.openrfid.trace.sampledata.csv.AsciiRowWriter;
import org.openrfid.trace.sampledata.generator.DemoScenario;
import org.openrfid.trace.sampledata.generator.GeneratorOptions;
import org.openrfid.trace.sampledata.generator.StreamingGenerator;
import org.openrfid.trace.sampledata.world.WorldBuilder;
import org.openrfid.trace.sampledata.world.WorldCsv;

/**
 * Command line entry point; {@code --help} prints every option (see {@link #USAGE}).
 */
public final class GeneratorMain {
    static final String USAGE = """
            Usage:
              GeneratorMain --demo [--out DIR]
                  Regenerate the committed world/ and demo/ files (default DIR sample-data/src/main/resources/sample-data).
              GeneratorMain --out DIR [options]
                  Stream a generated data set to DIR.
              GeneratorMain --help

            Options of a streaming run (defaults in brackets):
              --mode passages|reads   passages: passages.csv + anomalies.csv; reads: scenario.csv (what the LLRP
                                      simulator plays) + ground-truth-passages.csv + anomalies.csv  [passages]
              --seed N                random seed; the same options and seed give the same bytes  [1]
              --days N | --minutes N | --seconds N
                                      length of the run  [1 day]
              --start-hour H          time of day at offset 0, 0-23  [0]
              --vehicles N            vehicles in the fleet, driving trips over the road graph  [10000]
              --clones N              extra vehicles driving with a copied EPC on another chip (cloned plates)  [vehicles/5000, at least 1]
              --checkpoints N         play only the N checkpoints nearest Jiefangbei, 0 = all 47  [0]
              --limit ROWS            stop after this many rows of the main file; in reads mode the cut falls on a
                                      pass boundary so the ground truth still matches, 0 = no limit  [0]
              --goods-every D         a consignment leaves the hub this often (dock door, bonded warehouse, port gate;
                                      held consignments are labelled at the port gate), 0 = no goods  [30m]
              --goods-leg D           time from one step of a consignment to the next, at least 10s  [20m]
              --library-visits N      library gate visits per opening hour (08:00-21:00), 0 = none  [120]
              --unchecked-every N     every Nth library visit carries out an item never checked out, 0 = never  [25]
              --outage-every D        reads mode: a played checkpoint reader goes offline this often (first at a quarter
                                      of the interval) and replays its buffer when back, 0 = never  [2h]
              --outage D              how long each outage lasts, at most half the interval  [60s]
              --traffic-only          no goods, library or outages (same as setting all of the above to 0)
              --out DIR               output directory (required)

            D is a duration: a number with s, m, h or d (45s, 30m, 2h); 0 turns the flow off.
            All files are UTF-8 CSV with a header row and LF line ends, loadable with
            COPY t FROM 'file' WITH (FORMAT csv, HEADER true). See sample-data/README.md.
            """;

    private GeneratorMain() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = parse(args);
        if (options.containsKey("help")) {
            System.out.print(USAGE);
            return;
        }
        if (options.containsKey("demo")) {
            writeDemo(Path.of(options.getOrDefault("out", "sample-data/src/main/resources/sample-data")));
            return;
        }
        if (!options.containsKey("out")) {
            throw new IllegalArgumentException("--out DIR is required (or --demo, or --help)");
        }
        System.out.println(stream(options(options), Path.of(options.get("out"))));
    }

    /** The streaming run the command-line options describe. */
    static GeneratorOptions options(Map<String, String> options) {
        int vehicles = Integer.parseInt(options.getOrDefault("vehicles", "10000"));
        long durationMs = options.containsKey("seconds") ? Long.parseLong(options.get("seconds")) * 1_000L
                : options.containsKey("minutes") ? Long.parseLong(options.get("minutes")) * 60_000L
                : Long.parseLong(options.getOrDefault("days", "1")) * 86_400_000L;
        GeneratorOptions.Flows d = GeneratorOptions.Flows.DEFAULT;
        GeneratorOptions.Flows flows = options.containsKey("traffic-only") ? GeneratorOptions.Flows.NONE
                : new GeneratorOptions.Flows(
                        duration(options, "goods-every", d.goodsEveryMs()),
                        duration(options, "goods-leg", d.goodsLegMs()),
                        Integer.parseInt(options.getOrDefault("library-visits", String.valueOf(d.libraryVisitsPerHour()))),
                        Integer.parseInt(options.getOrDefault("unchecked-every", String.valueOf(d.uncheckedEvery()))),
                        duration(options, "outage-every", d.outageEveryMs()),
                        duration(options, "outage", d.outageMs()));
        return new GeneratorOptions(
                Long.parseLong(options.getOrDefault("seed", "1")), durationMs,
                Integer.parseInt(options.getOrDefault("start-hour", "0")), vehicles,
                Integer.parseInt(options.getOrDefault("clones", String.valueOf(Math.max(1, vehicles / 5_000)))),
                GeneratorOptions.Mode.valueOf(options.getOrDefault("mode", "passages").toUpperCase(Locale.ROOT)),
                Long.parseLong(options.getOrDefault("limit", "0")),
                Integer.parseInt(options.getOrDefault("checkpoints", "0")), flows);
    }

    /** "45s", "30m", "2h", "1d" or "0" in milliseconds. */
    static long duration(Map<String, String> options, String key, long defaultMs) {
        String text = options.get(key);
        if (text == null) {
            return defaultMs;
        }
        if (text.equals("0")) {
            return 0;
        }
        long unit = switch (text.isEmpty() ? ' ' : text.charAt(text.length() - 1)) {
            case 's' -> 1_000L;
            case 'm' -> 60_000L;
            case 'h' -> 3_600_000L;
            case 'd' -> 86_400_000L;
            default -> throw new IllegalArgumentException("--" + key + " needs a duration like 45s, 30m or 2h, got '" + text + "'");
        };
        return Long.parseLong(text.substring(0, text.length() - 1)) * unit;
    }

    /** Runs a streaming generation into {@code out} and returns a one-line report with rows/s. */
    public static String stream(GeneratorOptions run, Path out) throws IOException {
        Files.createDirectories(out);
        boolean reads = run.mode() == GeneratorOptions.Mode.READS;
        long started = System.nanoTime();
        long rows;
        try (AsciiRowWriter main = writer(out.resolve(reads ? "scenario.csv" : "passages.csv"));
             AsciiRowWriter truth = writer(reads ? out.resolve("ground-truth-passages.csv") : null);
             AsciiRowWriter anomalies = writer(out.resolve("anomalies.csv"))) {
            rows = new StreamingGenerator(DemoWorld.load(), run).write(main, truth, anomalies);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long usedMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        return String.format(Locale.ROOT, "%s: %,d rows in %.1f s = %,.0f rows/s (heap in use at end %d MB) -> %s",
                run.mode().name().toLowerCase(Locale.ROOT), rows, seconds, rows / seconds, usedMb, out);
    }

    private static AsciiRowWriter writer(Path file) throws IOException {
        OutputStream stream = file == null ? OutputStream.nullOutputStream()
                : new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        return new AsciiRowWriter(stream);
    }

    /** Writes the committed demo files: world master data and the ten-minute scenario. */
    static void writeDemo(Path root) throws IOException {
        for (Map.Entry<String, String> file : WorldCsv.render(new WorldBuilder(DemoFiles.WORLD_SEED).build()).entrySet()) {
            write(root, file.getKey(), file.getValue());
        }
        DemoScenario.Output demo = new DemoScenario(new WorldBuilder(DemoFiles.WORLD_SEED).build(), DemoFiles.DEMO_SEED).build();
        write(root, DemoFiles.SCENARIO, demo.scenario());
        write(root, DemoFiles.GROUND_TRUTH, demo.groundTruth());
        write(root, DemoFiles.ANOMALIES, demo.anomalies());
        write(root, DemoFiles.DECLARATIONS, demo.declarations());
        write(root, DemoFiles.SHIPMENTS, demo.shipments());
        write(root, DemoFiles.GATE_CHECKS, demo.gateChecks());
        System.out.printf(Locale.ROOT, "demo: %,d reads, %,d passages -> %s%n", demo.reads(), demo.passages(), root);
    }

    private static void write(Path root, String classpathPath, String content) throws IOException {
        Path file = root.resolve(classpathPath.substring(DemoFiles.ROOT.length()));
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static final java.util.Set<String> KNOWN = java.util.Set.of("demo", "help", "traffic-only", "out", "mode",
            "seed", "days", "minutes", "seconds", "start-hour", "vehicles", "clones", "checkpoints", "limit", "goods-every",
            "goods-leg", "library-visits", "unchecked-every", "outage-every", "outage");

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-h")) {
                options.put("help", "true");
                continue;
            }
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key + " (see --help)");
            }
            if (key.equals("demo") || key.equals("help") || key.equals("traffic-only")) {
                options.put(key, "true");
            } else if (i + 1 < args.length) {
                options.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
        }
        return options;
    }
}
