package org.openrfid.trace.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageSmoother;
import org.openrfid.trace.passage.PresenceListener;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;

/**
 * The smoothing step as a plain bean: a batch of reads (or a tick) in, the passages it completed out.
 * Camel calls it from one consumer thread, which is what {@link PassageSmoother} needs.
 */
public final class SmoothingStage {

    /** What one batch produced. */
    public record Output(List<TagArrival> arrivals, List<Passage> passages) {
    }

    /** The first read of a tag at a location. */
    public record TagArrival(RawEpc epc, String locationId, String readerId, Instant firstSeen) {
    }

    private final PassageSmoother smoother;
    private final Clock clock;
    private final PipelineCounters counters;

    public SmoothingStage(PassageSmoother smoother, Clock clock, PipelineCounters counters) {
        this.smoother = smoother;
        this.clock = clock;
        this.counters = counters;
    }

    public Output onBatch(TagReadBatch batch) {
        Collector out = new Collector();
        long now = Instants.toMicros(clock.instant());
        for (TagRead read : batch.reads()) {
            smoother.accept(read, now, out);
        }
        smoother.advance(now, out);
        counters.batchesIn.increment();
        counters.readsIn.add(batch.size());
        return out.done();
    }

    public Output onTick(Tick tick) {
        Collector out = new Collector();
        smoother.advance(tick.wallMicros(), out);
        return out.done();
    }

    public int openPresences() {
        return smoother.openPresences();
    }

    private final class Collector implements PresenceListener {
        private List<TagArrival> arrivals = List.of();
        private List<Passage> passages = List.of();

        @Override
        public void arrived(RawEpc epc, String locationId, String readerId, Instant firstSeen) {
            if (arrivals.isEmpty()) {
                arrivals = new ArrayList<>();
            }
            arrivals.add(new TagArrival(epc, locationId, readerId, firstSeen));
        }

        @Override
        public void completed(Passage passage) {
            if (passages.isEmpty()) {
                passages = new ArrayList<>();
            }
            passages.add(passage);
        }

        Output done() {
            counters.arrivals.add(arrivals.size());
            counters.passagesOut.add(passages.size());
            return new Output(arrivals, passages);
        }
    }
}
