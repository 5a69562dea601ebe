package org.openrfid.trace.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lookup of the binary schemes of GS1 EPC TDS 1.13 Table 14-1 by header, name and pure-identity family. */
final class Schemes {

    private static final SchemeCodec[] BY_HEADER = new SchemeCodec[256];
    private static final Map<String, SchemeCodec> BY_NAME = new HashMap<>();
    private static final Map<Family, List<SchemeCodec>> BY_FAMILY = new HashMap<>();

    static {
        List<SchemeCodec> all = new ArrayList<>(List.of(Gs1Scheme.values()));
        all.addAll(List.of(NonGs1Scheme.values()));
        for (SchemeCodec s : all) {
            BY_HEADER[s.header()] = s;
            BY_NAME.put(s.schemeName(), s);
            BY_FAMILY.computeIfAbsent(s.family(), f -> new ArrayList<>()).add(s);
        }
    }

    private Schemes() {
    }

    static SchemeCodec byHeader(int header) {
        return BY_HEADER[header];
    }

    static SchemeCodec byName(String name) {
        return BY_NAME.get(name);
    }

    /**
     * Schemes of a family, shortest first (declaration order): the order in which a pure identity is tried
     * when no binary scheme is named, e.g. SGTIN-96 before SGTIN-198.
     */
    static List<SchemeCodec> byFamily(Family f) {
        return BY_FAMILY.getOrDefault(f, List.of());
    }

    /** Length rounded up to whole 16-bit words, as a Gen2 PC length field stores it (TDS 1.13 section 9.3). */
    static int wordRounded(int bits) {
        return (bits + 15) & ~15;
    }
}
