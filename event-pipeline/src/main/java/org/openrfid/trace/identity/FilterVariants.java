package org.openrfid.trace.identity;

import java.util.ArrayList;
import java.util.List;
import org.openrfid.trace.reader.RawEpc;

/**
 * The same tag with every filter value. A pure-identity URI or Digital Link names an object, not a
 * tag encoding, and has no filter (TDS 1.13 §6.3); a reader reports the filter the tag was written
 * with. Searching stored reads for such a name means searching every filter value.
 */
public final class FilterVariants {

    private FilterVariants() {
    }

    /**
     * The tags an EPC as the user wrote it can mean: hex and tag URIs name one tag encoding (filter
     * included), so just {@code parsed}; a pure-identity URI, Digital Link or element string names
     * the object, so every filter value ({@link #of}). Searching eight variants of a hex EPC would
     * find other tags' reads and cost eight index probes per partition.
     *
     * @param text   the EPC as given
     * @param parsed {@code text} parsed by {@link EpcInput}
     */
    public static List<RawEpc> ofInput(String text, RawEpc parsed) {
        return namesObjectOnly(text) ? of(parsed) : List.of(parsed);
    }

    /** Whether the text is a form without a filter value: pure identity URI, Digital Link, element string. */
    public static boolean namesObjectOnly(String text) {
        String lower = text.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("urn:epc:id:") || lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("(");
    }

    /**
     * The EPC with each possible filter value, the given one first; just the EPC when its scheme has
     * no filter. The filter sits right after the 8-bit header: 3 bits in every GS1 scheme of TDS 1.13
     * except USDOD-96 (4 bits) and ADI-var (6 bits).
     */
    public static List<RawEpc> of(RawEpc epc) {
        TagIdentity identity;
        try {
            identity = EpcDecoder.decode(epc);
        } catch (InvalidEpcException e) {
            return List.of(epc);
        }
        if (identity.filter() == null || !identity.isEpc()) {
            return List.of(epc);
        }
        int width = identity.scheme().startsWith("usdod") ? 4 : identity.scheme().startsWith("adi") ? 6 : 3;
        byte[] bytes = epc.bytes();
        List<RawEpc> variants = new ArrayList<>(1 << width);
        variants.add(epc);
        for (int filter = 0; filter < 1 << width; filter++) {
            if (filter != identity.filter()) {
                variants.add(new RawEpc(withFilter(bytes, filter, width), epc.bitLength()));
            }
        }
        return variants;
    }

    private static byte[] withFilter(byte[] bytes, int filter, int width) {
        byte[] copy = bytes.clone();
        // Bits 8 .. 8+width-1 (MSB first): all inside byte 1 for widths up to 8.
        int shift = 8 - width;
        int mask = ((1 << width) - 1) << shift;
        copy[1] = (byte) ((copy[1] & ~mask) | (filter << shift));
        return copy;
    }
}
