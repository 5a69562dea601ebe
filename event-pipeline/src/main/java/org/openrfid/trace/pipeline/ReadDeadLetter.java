package org.openrfid.trace.pipeline;

import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.OutOfBoundsRead;
import org.openrfid.trace.pipeline.ingest.IngestRejection;
import org.openrfid.trace.reader.TagRead;

/**
 * A read the smoother refused, on its way to the dead letters: shaped as the ingest's dead letters take
 * a refused message (where it came from, why, what it was), so the service keeps both in one place and
 * counts them under one metric ({@code rfid_ingest_rejected_total{reason="clock_skew"}}). Lists of these
 * go to {@link PipelineEndpoints#deadLetters()}.
 *
 * @param source    {@code smoothing:} and the reader id
 * @param rejection the reason ({@link IngestRejection.Reason#CLOCK_SKEW}) and what was wrong
 * @param payload   the read as text
 * @param read      the read itself, for a consumer that wants to replay it
 */
public record ReadDeadLetter(String source, IngestRejection rejection, String payload, TagRead read) {

    public static ReadDeadLetter of(OutOfBoundsRead refused) {
        TagRead r = refused.read();
        String payload = "reader=" + r.readerId() + " antenna=" + r.antenna() + " epc=" + r.epc().toHex()
                + " firstSeen=" + Instants.ofMicros(r.firstSeenMicros()) + " lastSeen=" + Instants.ofMicros(r.lastSeenMicros())
                + " receivedAt=" + Instants.ofMicros(refused.receivedMicros());
        return new ReadDeadLetter("smoothing:" + r.readerId(), new IngestRejection(IngestRejection.Reason.CLOCK_SKEW, refused.detail()),
                payload, r);
    }
}
