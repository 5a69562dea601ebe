package org.openrfid.trace.passage;

import java.time.Duration;
import java.util.Map;

/**
 * How the smoother closes presences and judges late reads.
 *
 * <p>A gap strictly longer than the silence window between two reads of one tag at one location
 * starts a new passage; the sample data's ground truth uses the same rule. The window is chosen per
 * location ({@code silenceByLocation}), else per location kind ({@code silenceByKind}: a lane needs 2 s,
 * a dock door that loads slowly much longer), else the default. A location's kind is the one
 * configured in {@code kindByLocation}, else the registry's ({@code registryKinds}).
 *
 * <p>{@code allowedLateness} is how far behind its reader's newest read a read may arrive and still be
 * placed by its own timestamp; presences stay open that much longer so such reads find them. Reads
 * later than that are counted as late and not merged.
 *
 * @param defaultSilence    window for locations without an override
 * @param silenceByLocation per-location overrides
 * @param silenceByKind     per-kind overrides (kind as in the registry: lane, gate, dock_door, ...)
 * @param kindByLocation    the kind of each location the kind overrides should apply to; overrides
 *                          the registry's kind
 * @param allowedLateness   how late (behind its reader's watermark) a read may be, zero or more
 * @param roleByReadPoint   entry/exit roles by {@code "readerId/antenna"}, for read points whose
 *                          definition carries none
 * @param registryKinds     the locations' kinds from the registry (from memory: asked on the smoothing thread)
 * @param readerClock       how far reader time may be from receive time, and what counts as a reader's clock
 *                          stepping back ({@link ReaderClockPolicy}; null: its defaults)
 */
public record SmoothingPolicy(
        Duration defaultSilence,
        Map<String, Duration> silenceByLocation,
        Map<String, Duration> silenceByKind,
        Map<String, String> kindByLocation,
        Duration allowedLateness,
        Map<String, ReadPointRole> roleByReadPoint,
        LocationKinds registryKinds,
        ReaderClockPolicy readerClock) {

    /** Default lateness: a report or two of reordering, without delaying passages much. */
    public static final Duration DEFAULT_LATENESS = Duration.ofSeconds(1);

    public SmoothingPolicy {
        requirePositive(defaultSilence, "silence window");
        silenceByLocation = Map.copyOf(silenceByLocation == null ? Map.of() : silenceByLocation);
        silenceByKind = Map.copyOf(silenceByKind == null ? Map.of() : silenceByKind);
        kindByLocation = Map.copyOf(kindByLocation == null ? Map.of() : kindByLocation);
        roleByReadPoint = Map.copyOf(roleByReadPoint == null ? Map.of() : roleByReadPoint);
        silenceByLocation.values().forEach(d -> requirePositive(d, "silence window"));
        silenceByKind.values().forEach(d -> requirePositive(d, "silence window"));
        allowedLateness = allowedLateness == null ? DEFAULT_LATENESS : allowedLateness;
        registryKinds = registryKinds == null ? LocationKinds.NONE : registryKinds;
        readerClock = readerClock == null ? ReaderClockPolicy.defaults() : readerClock;
        if (allowedLateness.isNegative()) {
            throw new IllegalArgumentException("allowed lateness must not be negative");
        }
    }

    public SmoothingPolicy(Duration defaultSilence, Map<String, Duration> silenceByLocation, Map<String, Duration> silenceByKind,
                           Map<String, String> kindByLocation, Duration allowedLateness, Map<String, ReadPointRole> roleByReadPoint,
                           LocationKinds registryKinds) {
        this(defaultSilence, silenceByLocation, silenceByKind, kindByLocation, allowedLateness, roleByReadPoint, registryKinds, null);
    }

    public SmoothingPolicy(Duration defaultSilence, Map<String, Duration> silenceByLocation, Map<String, Duration> silenceByKind,
                           Map<String, String> kindByLocation, Duration allowedLateness, Map<String, ReadPointRole> roleByReadPoint) {
        this(defaultSilence, silenceByLocation, silenceByKind, kindByLocation, allowedLateness, roleByReadPoint, LocationKinds.NONE);
    }

    public SmoothingPolicy(Duration defaultSilence, Map<String, Duration> silenceByLocation) {
        this(defaultSilence, silenceByLocation, Map.of(), Map.of(), DEFAULT_LATENESS, Map.of());
    }

    public static SmoothingPolicy of(Duration silence) {
        return new SmoothingPolicy(silence, Map.of());
    }

    public SmoothingPolicy withAllowedLateness(Duration lateness) {
        return new SmoothingPolicy(defaultSilence, silenceByLocation, silenceByKind, kindByLocation, lateness, roleByReadPoint, registryKinds,
                readerClock);
    }

    public SmoothingPolicy withRoles(Map<String, ReadPointRole> roles) {
        return new SmoothingPolicy(defaultSilence, silenceByLocation, silenceByKind, kindByLocation, allowedLateness, roles, registryKinds,
                readerClock);
    }

    public SmoothingPolicy withKinds(Map<String, Duration> silenceByKind, Map<String, String> kindByLocation) {
        return new SmoothingPolicy(defaultSilence, silenceByLocation, silenceByKind, kindByLocation, allowedLateness, roleByReadPoint,
                registryKinds, readerClock);
    }

    /** Takes location kinds the properties do not name from the registry. */
    public SmoothingPolicy withRegistryKinds(LocationKinds kinds) {
        return new SmoothingPolicy(defaultSilence, silenceByLocation, silenceByKind, kindByLocation, allowedLateness, roleByReadPoint, kinds,
                readerClock);
    }

    /** Bounds reader time against receive time and sets what counts as a step back ({@link ReaderClockPolicy}). */
    public SmoothingPolicy withReaderClock(ReaderClockPolicy clock) {
        return new SmoothingPolicy(defaultSilence, silenceByLocation, silenceByKind, kindByLocation, allowedLateness, roleByReadPoint,
                registryKinds, clock);
    }

    public long silenceMicros(String locationId) {
        Duration silence = silenceByLocation.get(locationId);
        if (silence == null) {
            String kind = kindByLocation.get(locationId);
            if (kind == null) {
                kind = registryKinds.kindOf(locationId);
            }
            silence = kind == null ? null : silenceByKind.get(kind);
        }
        return (silence == null ? defaultSilence : silence).toNanos() / 1_000;
    }

    public long allowedLatenessMicros() {
        return allowedLateness.toNanos() / 1_000;
    }

    /** The read point's own role, else the configured one, else none. */
    public ReadPointRole roleOf(ReadPoint readPoint) {
        if (readPoint.role() != ReadPointRole.NONE) {
            return readPoint.role();
        }
        return roleByReadPoint.getOrDefault(readPoint.readerId() + "/" + readPoint.antenna(), ReadPointRole.NONE);
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
