package org.openrfid.trace.sampledata;

import java.io.IOException;
import java.nio.file.Path;
import org.openrfid.trace.sampledata.generator.GeneratorOptions;

/**
 * Streams 10 million passages (by default) to a file and prints rows/s and heap in use:
 * {@code BenchmarkMain [ROWS] [OUT_DIR] [passages|reads]}. 100,000 vehicles over up to 60 days
 * yield far more than 10^7 passages, so the row limit ends the run.
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) throws IOException {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        Path out = Path.of(args.length > 1 ? args[1] : "target/benchmark");
        GeneratorOptions.Mode mode = args.length > 2 ? GeneratorOptions.Mode.valueOf(args[2].toUpperCase(java.util.Locale.ROOT))
                : GeneratorOptions.Mode.PASSAGES;
        GeneratorOptions options = new GeneratorOptions(42L, 60L * 86_400_000L, 0, 100_000, 20, mode, rows);
        System.out.println(GeneratorMain.stream(options, out));
    }
}
