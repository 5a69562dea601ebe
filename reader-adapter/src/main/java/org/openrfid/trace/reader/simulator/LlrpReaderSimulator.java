package org.openrfid.trace.reader.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.openrfid.trace.reader.RawEpc;

/**
 * An LLRP 1.0.1 reader simulator: a real TCP server per simulated reader (127.0.0.1) — or a reader that
 * dials its client (reader-initiated) — optionally over TLS, speaking the
 * protocol with ltkjava-encoded messages, that plays a {@link Scenario} as RO_ACCESS_REPORTs while a
 * client has a ROSpec enabled and started — for tests, demos and load generation.
 *
 * <p>Report timestamps are the simulator's start time (wall clock) plus {@code offset / timeScale};
 * with {@code loop} the scenario repeats, each pass stamped one pass duration after the previous.
 * Like a real reader it accepts one client at a time, honours the KeepaliveSpec, the ROSpec's
 * report trigger (N tags or end of AISpec duration) and TagReportContentSelector, and reads the TID
 * when an enabled AccessSpec reads memory bank 2.
 */
public final class LlrpReaderSimulator implements AutoCloseable {

    private final Map<String, SimulatedReader> readers;
    private final long startMicros;

    private LlrpReaderSimulator(Map<String, SimulatedReader> readers, long startMicros) {
        this.readers = readers;
        this.startMicros = startMicros;
    }

    /** Wall-clock origin of the scenario (UTC µs): a row's timestamp is this plus offset / timeScale. */
    public long startMicros() {
        return startMicros;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Opens every reader's port; reads become due from now on. */
    public LlrpReaderSimulator start() {
        try {
            for (SimulatedReader r : readers.values()) {
                r.start();
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot open simulator port: " + e.getMessage(), e);
        }
        return this;
    }

    /**
     * An EPC resized to {@code bits} the way the {@code epcBitLength} fault does it: the original bits
     * repeated until long enough, then cut, pad bits zero. Tests use it to predict what they receive.
     */
    public static RawEpc resizeEpc(RawEpc epc, int bits) {
        if (bits < 1 || bits > 496) {
            throw new IllegalArgumentException("EPC bit length must be 1..496 (a Gen2 EPC bank holds at most 31 words)");
        }
        byte[] src = epc.bytes();
        byte[] out = new byte[(bits + 7) / 8];
        for (int i = 0; i < bits; i++) {
            int from = i % epc.bitLength();
            if ((src[from >> 3] & (0x80 >> (from & 7))) != 0) {
                out[i >> 3] |= (byte) (0x80 >> (i & 7));
            }
        }
        return new RawEpc(out, bits);
    }

    /** The bound port (the ephemeral one when configured as 0); -1 for a reader that dials out. */
    public int port(String readerId) {
        return reader(readerId).port();
    }

    public Set<String> readerIds() {
        return readers.keySet();
    }

    /** Whether a client is connected to the reader right now. */
    public boolean hasClient(String readerId) {
        return reader(readerId).hasClient();
    }

    /** Client connections the reader has taken as its session so far (a reconnect counts again). */
    public int clientsAccepted(String readerId) {
        return reader(readerId).clientsAccepted();
    }

    /**
     * Clients refused because another client's connection was up: a second client tried to connect while
     * one was connected (as a real reader, the simulator never holds two sessions).
     */
    public int clientsRefused(String readerId) {
        return reader(readerId).clientsRefused();
    }

    /**
     * Clients that connected while another client's connection was still up (whether the old one then went
     * within the reader's short grace, or the new one was refused): never more than zero when only one
     * client at a time may hold the reader.
     */
    public int clientsWhileConnected(String readerId) {
        return reader(readerId).clientsWhileConnected();
    }

    /** Fault injection: cut the client's TCP connection without any LLRP goodbye. */
    public void dropConnection(String readerId) {
        reader(readerId).dropConnection();
    }

    /** Fault injection: the reader freezes (no keepalives, reports or answers) for {@code d}. */
    public void stall(String readerId, Duration d) {
        reader(readerId).stall(d);
    }

    /** Fault injection: send the client a corrupt RO_ACCESS_REPORT. */
    public void sendGarbageFrame(String readerId) {
        reader(readerId).sendGarbageFrame();
    }

    private SimulatedReader reader(String id) {
        SimulatedReader r = readers.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no simulated reader '" + id + "'");
        }
        return r;
    }

    @Override
    public void close() {
        readers.values().forEach(SimulatedReader::close);
    }

    public static final class Builder {
        private final Map<String, Integer> ports = new LinkedHashMap<>();
        private final Map<String, InetSocketAddress> dials = new LinkedHashMap<>();
        private boolean impinj = true;
        private boolean omitUnchanged;
        private int epcBits;
        private SSLContext tls;
        private Scenario scenario = Scenario.of(List.of());
        private double timeScale = 1.0;
        private boolean loop;
        private boolean catchUp;

        /** Adds a reader listening on {@code port} (0 = ephemeral); its scenario rows are those with this reader id. */
        public Builder reader(String readerId, int port) {
            ports.put(Objects.requireNonNull(readerId), port);
            return this;
        }

        /**
         * Adds a reader that dials the client at {@code host:port} (reader-initiated connection, §18.1)
         * and dials again whenever its connection is gone.
         */
        public Builder dial(String readerId, String host, int port) {
            dials.put(Objects.requireNonNull(readerId), InetSocketAddress.createUnresolved(host, port));
            return this;
        }

        /** Act as an Impinj reader (vendor 25882, Octane extensions) — the default — or as a generic LLRP reader. */
        public Builder impinj(boolean impinj) {
            this.impinj = impinj;
            return this;
        }

        /** Fault: omit enabled fields whose value did not change since the last TagReportData (§13.2.3). */
        public Builder omitUnchangedFields(boolean omit) {
            this.omitUnchanged = omit;
            return this;
        }

        /** Fault: report every EPC with this bit length (128, 170, 198, ...) as EPCData; see {@link #resizeEpc}. */
        public Builder epcBitLength(int bits) {
            if (bits != 0) {
                resizeEpc(new RawEpc(new byte[] {0x30}, 8), bits);
            }
            this.epcBits = bits;
            return this;
        }

        /** Serve LLRP over TLS (5085 by convention) with this server context; listening readers only. */
        public Builder tls(SSLContext context) {
            this.tls = context;
            return this;
        }

        public Builder scenario(Scenario s) {
            this.scenario = Objects.requireNonNull(s);
            return this;
        }

        /** 2.0 plays twice as fast; timestamps are compressed the same way. */
        public Builder timeScale(double scale) {
            if (!(scale > 0)) {
                throw new IllegalArgumentException("timeScale must be positive");
            }
            this.timeScale = scale;
            return this;
        }

        public Builder loop(boolean loop) {
            this.loop = loop;
            return this;
        }

        /**
         * When true, reads that fall due while no ROSpec runs (or no client is connected) are held and
         * reported once reporting resumes — like a reader's report buffer — instead of being missed.
         * Tests use it to assert exact delivery; default false (a real antenna only sees what passes now).
         */
        public Builder catchUp(boolean catchUp) {
            this.catchUp = catchUp;
            return this;
        }

        public LlrpReaderSimulator build() {
            if (ports.isEmpty() && dials.isEmpty()) {
                scenario.readerIds().forEach(id -> ports.put(id, 0));
            }
            long start = SimulatedReader.nowMicros();
            Map<String, SimulatedReader> readers = new LinkedHashMap<>();
            SimOptions listening = new SimOptions(impinj, omitUnchanged, epcBits, tls, null, 0);
            ports.forEach((id, port) -> readers.put(id, new SimulatedReader(id, port, scenario.rowsFor(id),
                    scenario.durationMs(), start, timeScale, loop, catchUp, listening)));
            dials.forEach((id, to) -> readers.put(id, new SimulatedReader(id, 0, scenario.rowsFor(id),
                    scenario.durationMs(), start, timeScale, loop, catchUp,
                    new SimOptions(impinj, omitUnchanged, epcBits, null, to.getHostString(), to.getPort()))));
            return new LlrpReaderSimulator(readers, start);
        }
    }
}
