package org.openrfid.trace.identity;

/**
 * A partition table of GS1 EPC TDS 1.13 section 14.5: for partition values 0..6, how many bits and
 * decimal digits the GS1 Company Prefix takes, and how many bits and digits (or characters) the
 * reference that shares the field with it takes. Partition value 7 is not defined by any table.
 */
final class PartitionTable {

    /** One row: company prefix bits/digits, reference bits/digits (maximum characters for string references). */
    record Row(int gcpBits, int gcpDigits, int refBits, int refDigits) {
    }

    private static final int[] GCP_BITS = {40, 37, 34, 30, 27, 24, 20};
    private static final int[] GCP_DIGITS = {12, 11, 10, 9, 8, 7, 6};

    /** Table 14-2 (SGTIN) and the ITIP table: indicator digit + item reference, 13 digits with the prefix. */
    static final PartitionTable SGTIN = of(new int[] {4, 7, 10, 14, 17, 20, 24}, 1);
    /** Table 14-5 (SSCC) and the GSRN/GSRNP tables: 17 digits with the prefix. */
    static final PartitionTable SSCC = of(new int[] {18, 21, 24, 28, 31, 34, 38}, 5);
    /** Table 14-7 (SGLN) and the GDTI and SGCN tables: 12 digits with the prefix. */
    static final PartitionTable SGLN = of(new int[] {1, 4, 7, 11, 14, 17, 21}, 0);
    /** Table 14-10 (GRAI): asset type, 12 digits with the prefix. */
    static final PartitionTable GRAI = of(new int[] {4, 7, 10, 14, 17, 20, 24}, 0);
    /** Table 14-13 (GIAI-96): integer asset reference, at most 25 digits with the prefix. */
    static final PartitionTable GIAI_96 = of(new int[] {42, 45, 48, 52, 55, 58, 62}, 13);
    /** Table 14-15 (GIAI-202): 7-bit asset reference, at most 30 characters with the prefix. */
    static final PartitionTable GIAI_202 = of(new int[] {148, 151, 154, 158, 161, 164, 168}, 18);
    /** CPI-96 partition table: integer component/part reference. */
    static final PartitionTable CPI_96 = of(new int[] {11, 14, 17, 21, 24, 27, 31}, 3);
    /** CPI-var partition table: 6-bit component/part reference, at most 30 characters with the prefix. */
    static final PartitionTable CPI_VAR = of(new int[] {114, 120, 126, 132, 138, 144, 150}, 18);

    private final Row[] rows;

    private PartitionTable(Row[] rows) {
        this.rows = rows;
    }

    private static PartitionTable of(int[] refBits, int refDigitsAtPartition0) {
        Row[] rows = new Row[7];
        for (int p = 0; p < 7; p++) {
            rows[p] = new Row(GCP_BITS[p], GCP_DIGITS[p], refBits[p], refDigitsAtPartition0 + p);
        }
        return new PartitionTable(rows);
    }

    Row row(int partition) {
        return rows[partition];
    }

    /** Partition value for a company prefix of this many digits, or -1 (TDS allows 6 to 12 digits). */
    static int partitionFor(int gcpDigits) {
        return gcpDigits >= 6 && gcpDigits <= 12 ? 12 - gcpDigits : -1;
    }
}
