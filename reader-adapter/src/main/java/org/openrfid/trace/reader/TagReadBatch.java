package org.openrfid.trace.reader;

import java.util.List;

/**
 * The reads of one reader report (one RO_ACCESS_REPORT, one MQTT message): the unit that travels
 * through Camel as one exchange, never one exchange per read.
 */
public record TagReadBatch(String readerId, List<TagRead> reads) {

    public TagReadBatch {
        reads = List.copyOf(reads);
    }

    public int size() {
        return reads.size();
    }
}
