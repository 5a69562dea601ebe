package org.openrfid.trace.service.platform.web.csv;

/**
 * Told how far an import has got, so a person watching a large file sees it move. Called on the importing
 * thread every {@link CsvReading#BATCH} rows and once at the end of the file; it must return quickly.
 */
@FunctionalInterface
public interface CsvProgress {

    /** Nobody is watching. */
    CsvProgress NONE = (checked, written) -> {
    };

    /**
     * @param checked data rows read and checked so far
     * @param written rows of those written (inside the import's transaction: a refusal still rolls them back)
     */
    void rows(long checked, long written);
}
