package org.openrfid.trace.service.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Captured EPCIS events and capture jobs (port). */
public interface EpcisEventStore {

    /** A capture job; captures are processed while the request is handled, so a job is final when created. */
    record Job(String id, String state, Instant createdAt, Instant finishedAt, int eventCount, String errors) {
    }

    /**
     * Stores all events of a (schema-valid) document in one transaction and records the job. Events get
     * their CBV 2.0 hash as eventID when they have none, and the record time. An event already stored
     * under the same id is not stored twice.
     */
    Job capture(JsonNode document, Instant recordTime);

    Optional<Job> job(String id);

    /** Captured events matching the query, after the cursor, in (event time, source, id) order. */
    List<EpcisEvents.Item> find(EpcisQuery q, EpcisEvents.Cursor after, int limit);
}
