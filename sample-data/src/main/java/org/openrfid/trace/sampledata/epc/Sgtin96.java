package org.openrfid.trace.sampledata.epc;

/**
 * SGTIN-96 (TDS 1.13 section 14.5.1): header 0x30, filter 3, partition 3, company prefix and
 * indicator+item reference sharing 44 bits, serial 38 bits.
 *
 * @param indicatorItemRef indicator digit followed by the item reference, 13 - prefix digits long
 */
public record Sgtin96(int filter, String companyPrefix, String indicatorItemRef, long serial) {
    public static final int FILTER_FULL_CASE = 2;

    public Sgtin96 {
        if (indicatorItemRef.length() != 13 - companyPrefix.length()) {
            throw new IllegalArgumentException("indicator+item ref must have " + (13 - companyPrefix.length()) + " digits");
        }
        if (serial < 0 || serial >= 1L << 38) {
            throw new IllegalArgumentException("SGTIN-96 serial out of range: " + serial);
        }
    }

    public String hex() {
        Partition p = Partition.forCompanyPrefix(companyPrefix);
        return new BitString().append(0x30, 8).append(filter, 3).append(p.value(), 3)
                .append(Long.parseLong(companyPrefix), p.companyPrefixBits())
                .append(Long.parseLong(indicatorItemRef), 44 - p.companyPrefixBits())
                .append(serial, 38).toHex();
    }

    /** GTIN-14: indicator, company prefix, item reference, check digit. */
    public String gtin() {
        return Gs1CheckDigit.append(indicatorItemRef.charAt(0) + companyPrefix + indicatorItemRef.substring(1));
    }

    public String pureIdentityUri() {
        return "urn:epc:id:sgtin:" + companyPrefix + "." + indicatorItemRef + "." + serial;
    }
}
