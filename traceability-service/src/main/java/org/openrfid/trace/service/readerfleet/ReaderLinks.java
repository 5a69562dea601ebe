package org.openrfid.trace.service.readerfleet;

/**
 * Opens and closes the pipeline input of one reader (port; the adapter is the pipeline assembly's
 * Camel route from the reader's {@code llrp:} endpoint into the reads queue). The fleet decides which
 * member holds which reader; this only plugs a held reader in or out.
 */
public interface ReaderLinks {

    /** Starts reading from {@code llrpUri} into the pipeline as reader {@code readerId}. */
    void open(String readerId, String llrpUri) throws Exception;

    /** Stops reading from the reader; nothing happens when it is not open here. */
    void close(String readerId) throws Exception;
}
