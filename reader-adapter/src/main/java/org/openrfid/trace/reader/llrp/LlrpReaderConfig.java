package org.openrfid.trace.reader.llrp;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach and drive one LLRP reader.
 *
 * @param id              reader id used in every TagRead and log line
 * @param host            reader host name or address
 * @param port            LLRP port (5084 is IANA's "llrp")
 * @param keepalive       KEEPALIVE period asked of the reader; three missed periods mean a dead link
 * @param reportEvery     the reader reports at least this often (AISpec duration)
 * @param reportEveryTags ... or after this many tags (ROReportSpec N; 0 = no tag limit)
 * @param readTid         add an AccessSpec reading the TID bank (chip serial) of every tag
 * @param initialBackoff  first reconnect delay
 * @param maxBackoff      reconnect delays double up to this
 * @param stablePeriod    a connection must stay up this long before the reconnect delay starts over at
 *                        {@code initialBackoff}; one that drops sooner is a flap and the delays go on
 *                        doubling (0: start over after every successful set-up)
 */
public record LlrpReaderConfig(
        String id,
        String host,
        int port,
        Duration keepalive,
        Duration reportEvery,
        int reportEveryTags,
        boolean readTid,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration stablePeriod) {

    public static final int DEFAULT_PORT = 5084;
    /** Long enough that a reader rebooting in a loop (a minute or less per round) counts as flapping. */
    public static final Duration DEFAULT_STABLE_PERIOD = Duration.ofSeconds(60);

    public LlrpReaderConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (keepalive.isNegative() || keepalive.isZero()) {
            throw new IllegalArgumentException("keepalive must be positive");
        }
        if (reportEvery.isNegative() || reportEvery.isZero()) {
            throw new IllegalArgumentException("reportEvery must be positive");
        }
        if (reportEveryTags < 0 || reportEveryTags > 65535) {
            throw new IllegalArgumentException("reportEveryTags must be 0..65535");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < initialBackoff <= maxBackoff");
        }
        if (stablePeriod == null || stablePeriod.isNegative()) {
            throw new IllegalArgumentException("stablePeriod must be zero or positive");
        }
    }

    /** With the default stable period. */
    public LlrpReaderConfig(String id, String host, int port, Duration keepalive, Duration reportEvery, int reportEveryTags,
            boolean readTid, Duration initialBackoff, Duration maxBackoff) {
        this(id, host, port, keepalive, reportEvery, reportEveryTags, readTid, initialBackoff, maxBackoff, DEFAULT_STABLE_PERIOD);
    }

    /** Defaults: keepalive 5 s, report every 250 ms or 100 tags, read TID, backoff 1 s .. 60 s, stable after 60 s. */
    public static LlrpReaderConfig of(String id, String host, int port) {
        return new LlrpReaderConfig(id, host, port, Duration.ofSeconds(5), Duration.ofMillis(250), 100, true,
                Duration.ofSeconds(1), Duration.ofSeconds(60), DEFAULT_STABLE_PERIOD);
    }

    public LlrpReaderConfig withKeepalive(Duration d) {
        return new LlrpReaderConfig(id, host, port, d, reportEvery, reportEveryTags, readTid, initialBackoff, maxBackoff, stablePeriod);
    }

    public LlrpReaderConfig withReportEvery(Duration d, int tags) {
        return new LlrpReaderConfig(id, host, port, keepalive, d, tags, readTid, initialBackoff, maxBackoff, stablePeriod);
    }

    public LlrpReaderConfig withReadTid(boolean tid) {
        return new LlrpReaderConfig(id, host, port, keepalive, reportEvery, reportEveryTags, tid, initialBackoff, maxBackoff, stablePeriod);
    }

    public LlrpReaderConfig withBackoff(Duration initial, Duration max) {
        return new LlrpReaderConfig(id, host, port, keepalive, reportEvery, reportEveryTags, readTid, initial, max, stablePeriod);
    }

    public LlrpReaderConfig withStablePeriod(Duration d) {
        return new LlrpReaderConfig(id, host, port, keepalive, reportEvery, reportEveryTags, readTid, initialBackoff, maxBackoff, d);
    }
}
