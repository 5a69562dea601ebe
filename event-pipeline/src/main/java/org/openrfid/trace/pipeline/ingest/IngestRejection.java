package org.openrfid.trace.pipeline.ingest;

import java.util.Locale;

/** Why a reader message was refused; the reason is the metric tag and the problem detail's {@code reason}. */
public final class IngestRejection extends RuntimeException {

    /**
     * Kinds of bad input, few and stable so they can be a metric tag. {@code CLOCK_SKEW}: a read whose reader
     * time is too far from its receive time, refused by smoothing rather than by ingest (see
     * {@code pipeline.ReadDeadLetter}); it shares the dead letters so refused reads are all in one place.
     * {@code STORE_REFUSED}: a passage the store refused for its contents (a value too long for its column,
     * a broken constraint), set aside so the rest of its batch is stored.
     */
    public enum Reason {
        MALFORMED_JSON, UNKNOWN_FORMAT, MISSING_FIELD, INVALID_FIELD, NO_READER_ID, TOO_LARGE, CLOCK_SKEW, STORE_REFUSED;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public IngestRejection(Reason reason, String detail) {
        super(detail, null, false, false); // a routine outcome of bad input: no stack trace needed
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
