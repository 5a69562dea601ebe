package org.openrfid.trace.sampledata.epc;

/**
 * The partition value for a GS1 Company Prefix length (TDS 1.13 Tables 14-2, 14-5, 14-13): the same
 * seven rows serve SGTIN, SSCC and GIAI, only the width of the field after the prefix differs.
 */
record Partition(int value, int companyPrefixBits, int companyPrefixDigits) {
    private static final int[] GCP_BITS = {40, 37, 34, 30, 27, 24, 20};

    static Partition forCompanyPrefix(String companyPrefix) {
        int digits = companyPrefix.length();
        if (digits < 6 || digits > 12 || !companyPrefix.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("GS1 Company Prefix must be 6-12 digits: " + companyPrefix);
        }
        int p = 12 - digits;
        return new Partition(p, GCP_BITS[p], digits);
    }
}
