package org.openrfid.trace.pipeline.filter;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.openrfid.trace.identity.EpcDecoder;
import org.openrfid.trace.identity.TagIdentity;
import org.openrfid.trace.passage.ReadPoint;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;

/**
 * Decides which reads reach smoothing, as ALE's filter specs do: an RSSI floor, include and exclude EPC
 * patterns, per-location allow and deny patterns, and what to do with tags that do not decode as an EPC.
 *
 * <p>Order: RSSI first (no decoding needed), then unknown tags, then the global patterns, then the
 * location's. A read without RSSI passes the floor: the reader did not measure, which is not weakness.
 * Decoding is only done when a rule needs it, and {@link EpcDecoder} answers repeated EPCs from its cache.
 *
 * <p>Counts per verdict are kept for metrics. Thread-safe for concurrent callers.
 */
public final class ReadFilter {

    /** Why a read was kept or dropped. */
    public enum Verdict {
        PASS, RSSI_BELOW_FLOOR, UNKNOWN_TAG, NOT_INCLUDED, EXCLUDED, LOCATION_DENIED, LOCATION_NOT_ALLOWED;

        /** The metric tag value, e.g. {@code rssi_below_floor}. */
        public String reason() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What happens to reads of tags whose EPC does not decode as a GS1 / TDS EPC. */
    public enum UnknownTagPolicy {
        KEEP, DROP
    }

    /**
     * The filter configuration.
     *
     * @param rssiFloorDbm     reads weaker than this are dropped; null for no floor
     * @param include          when not empty, a read must match one of these
     * @param exclude          a read matching one of these is dropped
     * @param allowByLocation  per location: when present, a read there must match one of these
     * @param denyByLocation   per location: a read there matching one of these is dropped
     * @param unknownTags      keep or drop tags that are not a GS1 / TDS EPC (raw, unprogrammed, ISO data, invalid)
     */
    public record Rules(Double rssiFloorDbm, List<EpcPattern> include, List<EpcPattern> exclude,
                        Map<String, List<EpcPattern>> allowByLocation, Map<String, List<EpcPattern>> denyByLocation,
                        UnknownTagPolicy unknownTags) {

        public Rules {
            include = include == null ? List.of() : List.copyOf(include);
            exclude = exclude == null ? List.of() : List.copyOf(exclude);
            allowByLocation = allowByLocation == null ? Map.of() : Map.copyOf(allowByLocation);
            denyByLocation = denyByLocation == null ? Map.of() : Map.copyOf(denyByLocation);
            unknownTags = unknownTags == null ? UnknownTagPolicy.KEEP : unknownTags;
        }

        public static Rules passAll() {
            return new Rules(null, List.of(), List.of(), Map.of(), Map.of(), UnknownTagPolicy.KEEP);
        }

        boolean needsIdentity() {
            return unknownTags == UnknownTagPolicy.DROP || !include.isEmpty() || !exclude.isEmpty()
                    || !allowByLocation.isEmpty() || !denyByLocation.isEmpty();
        }
    }

    private final Rules rules;
    private final ReadPointDirectory readPoints;
    private final Function<RawEpc, TagIdentity> decoder;
    private final int rssiFloorCdbm;
    private final boolean passAll;
    private final boolean needsIdentity;
    private final boolean needsLocation;
    private final Map<Verdict, LongAdder> counts = new EnumMap<>(Verdict.class);

    public ReadFilter(Rules rules, ReadPointDirectory readPoints) {
        this(rules, readPoints, ReadFilter::decodeOrNull);
    }

    /** With a decoder of one's own (tests); it returns null for an EPC that does not decode. */
    public ReadFilter(Rules rules, ReadPointDirectory readPoints, Function<RawEpc, TagIdentity> decoder) {
        this.rules = rules;
        this.readPoints = readPoints;
        this.decoder = decoder;
        this.rssiFloorCdbm = rules.rssiFloorDbm() == null ? Integer.MIN_VALUE : (int) Math.round(rules.rssiFloorDbm() * 100);
        this.needsIdentity = rules.needsIdentity();
        this.needsLocation = !rules.allowByLocation().isEmpty() || !rules.denyByLocation().isEmpty();
        this.passAll = rules.rssiFloorDbm() == null && !needsIdentity;
        for (Verdict v : Verdict.values()) {
            counts.put(v, new LongAdder());
        }
    }

    public static ReadFilter passAll() {
        return new ReadFilter(Rules.passAll(), new ReadPointDirectory());
    }

    public boolean isPassAll() {
        return passAll;
    }

    public Rules rules() {
        return rules;
    }

    /** Judges one read and counts the verdict. */
    public Verdict test(TagRead read) {
        Verdict verdict = judge(read);
        counts.get(verdict).increment();
        return verdict;
    }

    /** How many reads got this verdict so far. */
    public long count(Verdict verdict) {
        return counts.get(verdict).sum();
    }

    private Verdict judge(TagRead read) {
        if (passAll) {
            return Verdict.PASS;
        }
        if (read.hasRssi() && read.peakRssiCdbm() < rssiFloorCdbm) {
            return Verdict.RSSI_BELOW_FLOOR;
        }
        if (!needsIdentity) {
            return Verdict.PASS;
        }
        TagIdentity identity = decoder.apply(read.epc());
        if (rules.unknownTags() == UnknownTagPolicy.DROP && (identity == null || !identity.isEpc())) {
            return Verdict.UNKNOWN_TAG;
        }
        if (!rules.include().isEmpty() && !anyMatch(rules.include(), identity)) {
            return Verdict.NOT_INCLUDED;
        }
        if (anyMatch(rules.exclude(), identity)) {
            return Verdict.EXCLUDED;
        }
        if (needsLocation) {
            ReadPoint readPoint = readPoints.find(read.readerId(), read.antenna()).orElse(null);
            if (readPoint != null) {
                List<EpcPattern> deny = rules.denyByLocation().get(readPoint.locationId());
                if (deny != null && anyMatch(deny, identity)) {
                    return Verdict.LOCATION_DENIED;
                }
                List<EpcPattern> allow = rules.allowByLocation().get(readPoint.locationId());
                if (allow != null && !anyMatch(allow, identity)) {
                    return Verdict.LOCATION_NOT_ALLOWED;
                }
            }
        }
        return Verdict.PASS;
    }

    private static boolean anyMatch(List<EpcPattern> patterns, TagIdentity identity) {
        for (EpcPattern pattern : patterns) {
            if (pattern.matches(identity)) {
                return true;
            }
        }
        return false;
    }

    private static TagIdentity decodeOrNull(RawEpc epc) {
        try {
            return EpcDecoder.decode(epc);
        } catch (IllegalArgumentException e) {
            return null; // an invalid encoding of a known scheme is as unknown as an unassigned header
        }
    }
}
