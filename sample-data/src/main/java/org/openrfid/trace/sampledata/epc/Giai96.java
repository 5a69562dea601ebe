package org.openrfid.trace.sampledata.epc;

/**
 * GIAI-96 (TDS 1.13 section 14.5.5): header 0x34, filter 3, partition 3, company prefix and the
 * individual asset reference (an integer without leading zeros) sharing 82 bits.
 */
public record Giai96(int filter, String companyPrefix, long assetReference) {
    public Giai96 {
        int assetBits = 82 - Partition.forCompanyPrefix(companyPrefix).companyPrefixBits();
        if (assetReference < 0 || (assetBits < 63 && assetReference >= 1L << assetBits)) {
            throw new IllegalArgumentException("asset reference out of range: " + assetReference);
        }
    }

    public String hex() {
        Partition p = Partition.forCompanyPrefix(companyPrefix);
        return new BitString().append(0x34, 8).append(filter, 3).append(p.value(), 3)
                .append(Long.parseLong(companyPrefix), p.companyPrefixBits())
                .append(assetReference, 82 - p.companyPrefixBits()).toHex();
    }

    public String pureIdentityUri() {
        return "urn:epc:id:giai:" + companyPrefix + "." + assetReference;
    }
}
