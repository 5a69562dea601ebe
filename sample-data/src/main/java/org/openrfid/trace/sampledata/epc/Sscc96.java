package org.openrfid.trace.sampledata.epc;

/**
 * SSCC-96 (TDS 1.13 section 14.5.2): header 0x31, filter 3, partition 3, company prefix and
 * extension+serial reference sharing 58 bits, then 24 reserved zero bits.
 *
 * @param extensionSerialRef extension digit followed by the serial reference, 17 - prefix digits long
 */
public record Sscc96(int filter, String companyPrefix, String extensionSerialRef) {
    public static final int FILTER_UNIT_LOAD = 6;

    public Sscc96 {
        if (extensionSerialRef.length() != 17 - companyPrefix.length()) {
            throw new IllegalArgumentException("extension+serial ref must have " + (17 - companyPrefix.length()) + " digits");
        }
    }

    public String hex() {
        Partition p = Partition.forCompanyPrefix(companyPrefix);
        return new BitString().append(0x31, 8).append(filter, 3).append(p.value(), 3)
                .append(Long.parseLong(companyPrefix), p.companyPrefixBits())
                .append(Long.parseLong(extensionSerialRef), 58 - p.companyPrefixBits())
                .append(0, 24).toHex();
    }

    /** The 18-digit SSCC: extension digit, company prefix, serial reference, check digit. */
    public String sscc() {
        return Gs1CheckDigit.append(extensionSerialRef.charAt(0) + companyPrefix + extensionSerialRef.substring(1));
    }

    public String pureIdentityUri() {
        return "urn:epc:id:sscc:" + companyPrefix + "." + extensionSerialRef;
    }
}
