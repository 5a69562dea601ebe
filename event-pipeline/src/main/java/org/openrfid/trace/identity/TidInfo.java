package org.openrfid.trace.identity;

/**
 * What the TID bank of a Gen2 tag says about the chip (GS1 EPC TDS 1.13 section 16).
 *
 * @param e2Class true for allocation class E2h (EPCglobal, section 16.1); false for E0h (ISO/IEC 7816-6
 *     registered manufacturer) and anything else
 * @param maskDesignerId for E2h the 12-bit field at bits 08h-13h as Gen2 v1.2 defines it; TDS 1.13
 *     Table 16-1 splits it into the XTID (08h), security (09h) and file (0Ah) indicators and the 9-bit
 *     mask-designer ID proper (0Bh-13h), see {@link #xtid()} and {@link #designer()}. For E0h the 8-bit
 *     ISO/IEC 7816-6 IC manufacturer code. -1 when unknown
 * @param tagModelNumber the 12-bit tag model number (bits 14h-1Fh) for E2h, else -1
 * @param serialHex for E2h with XTID, the serial number whose length the XTID header gives (section 16.2);
 *     otherwise the rest of the TID after the class identifier, as vendor-specific hex (possibly empty)
 * @param mdidName manufacturer from the GS1 MDID list for the well-known designers, else {@code unknown}
 */
public record TidInfo(boolean e2Class, int maskDesignerId, int tagModelNumber, String serialHex, String mdidName) {

    /** XTID indicator (bit 08h): an extended TID header follows the class identifier. */
    public boolean xtid() {
        return e2Class && (maskDesignerId & 0x800) != 0;
    }

    /** Security indicator (bit 09h, Gen2 v2). */
    public boolean securityIndicator() {
        return e2Class && (maskDesignerId & 0x400) != 0;
    }

    /** File indicator (bit 0Ah, Gen2 v2). */
    public boolean fileIndicator() {
        return e2Class && (maskDesignerId & 0x200) != 0;
    }

    /** The 9-bit mask-designer ID proper (bits 0Bh-13h), as GS1 registers it; -1 when not class E2h. */
    public int designer() {
        return e2Class ? maskDesignerId & 0x1FF : -1;
    }
}
