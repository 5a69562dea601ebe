package org.openrfid.trace.sampledata.generator;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Turns a {@link Pass} into the reads a fixed reader reports: reads every few tens of
 * milliseconds, some lost to collisions, RSSI rising as the tag approaches each antenna's beam
 * centre and falling after it (antenna 1 peaks early, antenna 2 late, as on a gantry with one
 * antenna looking upstream and one downstream).
 *
 * <p>Gaps between reads of one pass never reach {@link #MAX_GAP_MS}, so the 2-second silence rule
 * cannot split a pass, and the first read is always at the pass start, so passages come out in the
 * order passes are fed in.
 */
public final class ReadSynthesizer {
    static final int MAX_GAP_MS = 1_500;
    private static final int EDGE_LOSS_TENTHS = 150;
    private static final int FLOOR_TENTHS = -850;

    private final SplittableRandom random;
    private long sequence;

    public ReadSynthesizer(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public PassageSummary expand(Pass pass, Consumer<Read> sink) {
        TagProfile profile = pass.profile();
        int peak = profile.weakestPeakTenths + random.nextInt(profile.strongestPeakTenths - profile.weakestPeakTenths + 1);
        long end = pass.startMs() + pass.durationMs();
        long lastEmitted = pass.startMs();
        int reads = 0;
        int best = Integer.MIN_VALUE;
        boolean firstAntennaTurn = true;
        for (long t = pass.startMs(); t <= end; t += profile.minIntervalMs + random.nextInt(profile.maxIntervalMs - profile.minIntervalMs + 1)) {
            boolean lost = reads > 0 && random.nextInt(100) < profile.dropPercent && t - lastEmitted < MAX_GAP_MS;
            int antenna = firstAntennaTurn ? pass.firstAntenna() : pass.secondAntenna();
            firstAntennaTurn = !firstAntennaTurn;
            if (lost) {
                continue;
            }
            double phase = (double) (t - pass.startMs()) / Math.max(1, pass.durationMs());
            double centre = antenna == pass.firstAntenna() ? 0.35 : 0.65;
            double off = (phase - centre) / 0.5;
            int rssi = Math.max(FLOOR_TENTHS, peak - (int) Math.round(EDGE_LOSS_TENTHS * off * off) + random.nextInt(21) - 10);
            sink.accept(new Read(t, pass.reader(), antenna, pass.epc(), pass.tid(), rssi, sequence++));
            reads++;
            best = Math.max(best, rssi);
            lastEmitted = t;
        }
        return new PassageSummary(pass.epc(), pass.location(), pass.startMs(), lastEmitted, reads, best);
    }
}
