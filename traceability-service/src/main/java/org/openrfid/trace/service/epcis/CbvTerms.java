package org.openrfid.trace.service.epcis;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * CBV 2.0 business steps and dispositions as the EPCIS 2.0 JSON Schema lists them. A value in any
 * standard spelling (bare word, {@code urn:epcglobal:cbv:...}, {@code https://ref.gs1.org/cbv/...},
 * {@code cbv:...}) is reduced to the bare word JSON-LD uses; any other absolute URI is a private
 * vocabulary value and kept. Unknown CBV words are refused: the schema would refuse the events.
 */
public final class CbvTerms {

    static final Set<String> BIZ_STEPS = Set.of("accepting", "arriving", "assembling", "collecting", "commissioning", "consigning",
            "creating_class_instance", "cycle_counting", "decommissioning", "departing", "destroying", "disassembling", "dispensing",
            "encoding", "entering_exiting", "holding", "inspecting", "installing", "killing", "loading", "other", "packing", "picking",
            "receiving", "removing", "repackaging", "repairing", "replacing", "reserving", "retail_selling", "shipping",
            "staging_outbound", "stock_taking", "stocking", "storing", "transporting", "unloading", "unpacking", "void_shipping",
            "sensor_reporting", "sampling");
    static final Set<String> DISPOSITIONS = Set.of("active", "container_closed", "damaged", "destroyed", "dispensed", "disposed",
            "encoded", "expired", "in_progress", "in_transit", "inactive", "no_pedigree_match", "non_sellable_other",
            "partially_dispensed", "recalled", "reserved", "retail_sold", "returned", "sellable_accessible", "sellable_not_accessible",
            "stolen", "unknown", "available", "completeness_verified", "completeness_inferred", "conformant", "container_open",
            "mismatch_instance", "mismatch_class", "mismatch_quantity", "needs_replacement", "non_conformant", "unavailable");

    private CbvTerms() {
    }

    /** The bizStep as an event carries it; IllegalArgumentException naming {@code field} otherwise. */
    public static String bizStep(String field, String value) {
        return term(field, value, BIZ_STEPS, "BizStep-", "urn:epcglobal:cbv:bizstep:");
    }

    public static String disposition(String field, String value) {
        return term(field, value, DISPOSITIONS, "Disp-", "urn:epcglobal:cbv:disp:");
    }

    private static String term(String field, String value, Set<String> words, String webPrefix, String urnPrefix) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        String word = null;
        if (v.startsWith(urnPrefix)) {
            word = v.substring(urnPrefix.length());
        } else if (v.startsWith(Vocabulary.CBV + webPrefix)) {
            word = v.substring(Vocabulary.CBV.length() + webPrefix.length());
        } else if (v.startsWith("cbv:" + webPrefix)) {
            word = v.substring(4 + webPrefix.length());
        } else if (!v.contains(":")) {
            word = v.toLowerCase(Locale.ROOT);
        }
        if (word != null) {
            if (!words.contains(word)) {
                throw new IllegalArgumentException(field + ": '" + value + "' is not a CBV 2.0 value (one of " + words.stream().sorted().toList() + ")");
            }
            return word;
        }
        if (v.startsWith("urn:epcglobal:cbv:") || v.matches("https?://ns\\.gs1\\.org/cbv/.*") || v.startsWith(Vocabulary.CBV)) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not a CBV 2.0 value");
        }
        return absoluteUri(field, v);
    }

    /** An absolute URI (scheme and more), at most 512 characters; IllegalArgumentException naming {@code field}. */
    public static String absoluteUri(String field, String value) {
        String v = value.strip();
        try {
            URI uri = new URI(v);
            if (uri.getScheme() == null || v.length() > 512 || v.equals(uri.getScheme() + ":")) {
                throw new URISyntaxException(v, "not absolute");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not an absolute URI (at most 512 characters)");
        }
        return v;
    }
}
