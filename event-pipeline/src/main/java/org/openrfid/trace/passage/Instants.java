package org.openrfid.trace.passage;

import java.time.Instant;

/** Conversions between LLRP's microsecond timestamps and {@link Instant}. */
public final class Instants {

    private Instants() {
    }

    public static Instant ofMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    public static long toMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }
}
