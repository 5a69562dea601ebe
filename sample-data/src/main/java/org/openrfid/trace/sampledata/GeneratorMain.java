package org.openrfid.trace.sampledata;

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
import org.openrfid.trace.sampledata.generator.RoadGraph;
import org.openrfid.trace.sampledata.generator.StreamingGenerator;
import org.openrfid.trace.sampledata.world.WorldBuilder;
import org.openrfid.trace.sampledata.world.WorldCsv;

/**
 * Command line entry point.
 *
 * <pre>
 * GeneratorMain --demo [--out DIR]       regenerate the committed world/ and demo/ files
 * GeneratorMain --out DIR [--mode passages|reads] [--seed N] [--days N | --minutes N]
 *               [--start-hour H] [--vehicles N] [--clones N] [--limit ROWS]
 * </pre>
 */
public final class GeneratorMain {
    private GeneratorMain() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = parse(args);
        if (options.containsKey("demo")) {
            writeDemo(Path.of(options.getOrDefault("out", "sample-data/src/main/resources/sample-data")));
            return;
        }
        if (!options.containsKey("out")) {
            throw new IllegalArgumentException("--out DIR is required (or --demo)");
        }
        int vehicles = Integer.parseInt(options.getOrDefault("vehicles", "10000"));
        long durationMs = options.containsKey("minutes")
                ? Long.parseLong(options.get("minutes")) * 60_000L
                : Long.parseLong(options.getOrDefault("days", "1")) * 86_400_000L;
        GeneratorOptions run = new GeneratorOptions(
                Long.parseLong(options.getOrDefault("seed", "1")), durationMs,
                Integer.parseInt(options.getOrDefault("start-hour", "0")), vehicles,
                Integer.parseInt(options.getOrDefault("clones", String.valueOf(Math.max(1, vehicles / 5_000)))),
                GeneratorOptions.Mode.valueOf(options.getOrDefault("mode", "passages").toUpperCase(Locale.ROOT)),
                Long.parseLong(options.getOrDefault("limit", "0")));
        System.out.println(stream(run, Path.of(options.get("out"))));
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
            rows = new StreamingGenerator(RoadGraph.of(DemoWorld.load()), run).write(main, truth, anomalies);
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
        System.out.printf(Locale.ROOT, "demo: %,d reads, %,d passages -> %s%n", demo.reads(), demo.passages(), root);
    }

    private static void write(Path root, String classpathPath, String content) throws IOException {
        Path file = root.resolve(classpathPath.substring(DemoFiles.ROOT.length()));
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            if (key.equals("demo")) {
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
