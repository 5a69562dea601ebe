package org.openrfid.trace.identity;

import java.util.Map;

/**
 * Decodes the class identifier of a Gen2 TID bank (GS1 EPC TDS 1.13 section 16): allocation class E2h
 * with XTID indicator, mask-designer ID and tag model number (Table 16-1), and the serial number that
 * the XTID header announces (section 16.2, Table 16-2: bits 2Dh-2Fh give the serialisation, a serial of
 * 48 + 16 x (N - 1) bits starting at bit 30h when N &gt; 0).
 *
 * <p>Used for vehicle tags, where the TID serial is the unforgeable part of the identity.
 */
public final class TidDecoder {

    /**
     * A few well-known 9-bit MDIDs from the GS1 MDID list (https://www.gs1.org/epcglobal/standards/mdid,
     * transcribed in Didgitalpunk/UHF-tag-and-IC-database "Digits' mdid list", 2024-02-18). Others are
     * reported as {@code unknown}.
     */
    private static final Map<Integer, String> MDID_NAMES = Map.ofEntries(
            Map.entry(0x001, "Impinj"),
            Map.entry(0x002, "Texas Instruments"),
            Map.entry(0x003, "Alien Technology"),
            Map.entry(0x004, "Intelleflex"),
            Map.entry(0x005, "Atmel"),
            Map.entry(0x006, "NXP Semiconductors"),
            Map.entry(0x007, "ST Microelectronics"),
            Map.entry(0x008, "EP Microelectronics"),
            Map.entry(0x009, "Motorola (formerly Symbol Technologies)"),
            Map.entry(0x00A, "Sentech Snd Bhd"),
            Map.entry(0x00B, "EM Microelectronic"));

    private TidDecoder() {
    }

    public static TidInfo decode(String tidHex) {
        if (tidHex == null || tidHex.isBlank()) {
            throw new InvalidEpcException("TID is empty");
        }
        String hex = tidHex.strip().toUpperCase(java.util.Locale.ROOT);
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new InvalidEpcException("TID contains non-hex character '" + Chars.printable(hex.charAt(i))
                        + "' at position " + (i + 1));
            }
        }
        if (hex.length() < 2) {
            throw new InvalidEpcException("TID needs at least the 8-bit allocation class, got " + hex.length() * 4 + " bits");
        }
        int allocationClass = Integer.parseInt(hex, 0, 2, 16);
        if (allocationClass == 0xE2) {
            if (hex.length() < 8) {
                throw new InvalidEpcException("an E2h TID needs 32 bits (class, MDID, model number), got " + hex.length() * 4);
            }
            int mdid = Integer.parseInt(hex, 2, 5, 16);
            int model = Integer.parseInt(hex, 5, 8, 16);
            String serial = hex.substring(8);
            if ((mdid & 0x800) != 0 && hex.length() >= 12) {
                int n = Integer.parseInt(hex, 8, 12, 16) & 0x7;
                int serialDigits = n == 0 ? 0 : (48 + 16 * (n - 1)) / 4;
                serial = hex.substring(12, Math.min(hex.length(), 12 + serialDigits));
            }
            return new TidInfo(true, mdid, model, serial, MDID_NAMES.getOrDefault(mdid & 0x1FF, "unknown"));
        }
        if (allocationClass == 0xE0 && hex.length() >= 4) {
            // ISO/IEC 15963: E0h, 8-bit ISO/IEC 7816-6 manufacturer code, 48-bit serial
            return new TidInfo(false, Integer.parseInt(hex, 2, 4, 16), -1, hex.substring(4), "unknown");
        }
        return new TidInfo(false, -1, -1, hex.substring(2), "unknown");
    }
}
