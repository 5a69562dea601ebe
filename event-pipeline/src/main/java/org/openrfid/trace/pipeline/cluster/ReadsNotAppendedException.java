package org.openrfid.trace.pipeline.cluster;

import java.util.List;

/**
 * Reads that did not reach their locations' read logs: the ingress route's error handling sees it (and
 * logs how many reads it covers), instead of the reads vanishing with a coalesced batch.
 */
public final class ReadsNotAppendedException extends RuntimeException {

    private final int reads;

    ReadsNotAppendedException(int reads, int batches, List<String> locations, Throwable cause) {
        super(reads + " reads (of " + batches + " coalesced reader batches) not appended to the read logs of " + locations
                + ": " + cause, cause);
        this.reads = reads;
    }

    /** How many reads were not appended. */
    public int reads() {
        return reads;
    }
}
