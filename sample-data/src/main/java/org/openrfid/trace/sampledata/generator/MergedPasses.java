package org.openrfid.trace.sampledata.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Traffic, goods and library passes as one stream ordered by start, EPC and location, which is the
 * ground truth's order, so passages mode can write pass summaries as they come. Each source is
 * ordered by start; passes starting in the same millisecond are gathered and sorted, which also
 * orders a clone and its original that happen to start together.
 */
final class MergedPasses implements Iterator<Pass> {
    static final Comparator<Pass> ORDER = Comparator.comparingLong(Pass::startMs).thenComparing(Pass::epc)
            .thenComparing(Pass::location);

    private final List<Iterator<Pass>> sources;
    private final Pass[] heads;
    private final Labels labels;
    private final ReaderOutages.Schedule outageLabels;
    private ReaderOutages.Outage nextOutage;
    private final List<Pass> instant = new ArrayList<>();
    private int position;
    private boolean finished;

    /** @param outageLabels a schedule twin of the one the read stream uses, for labelling outages in order */
    MergedPasses(List<Iterator<Pass>> sources, Labels labels, ReaderOutages.Schedule outageLabels) {
        this.sources = sources;
        this.heads = new Pass[sources.size()];
        this.labels = labels;
        this.outageLabels = outageLabels;
        this.nextOutage = outageLabels.next();
    }

    @Override
    public boolean hasNext() {
        if (position < instant.size()) {
            return true;
        }
        instant.clear();
        position = 0;
        long start = Long.MAX_VALUE;
        for (int i = 0; i < heads.length; i++) {
            if (heads[i] == null && sources.get(i).hasNext()) {
                heads[i] = sources.get(i).next();
            }
            if (heads[i] != null) {
                start = Math.min(start, heads[i].startMs());
            }
        }
        if (start == Long.MAX_VALUE) {
            finish();
            return false;
        }
        for (int i = 0; i < heads.length; i++) {
            while (heads[i] != null && heads[i].startMs() == start) {
                instant.add(heads[i]);
                heads[i] = sources.get(i).hasNext() ? sources.get(i).next() : null;
            }
        }
        instant.sort(ORDER);
        labelOutagesUpTo(start);
        labels.releaseBefore(start);
        return true;
    }

    @Override
    public Pass next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return instant.get(position++);
    }

    /** Labels every outage still to come (they are scheduled up to the end of the run) and flushes the labels. */
    private void finish() {
        if (!finished) {
            finished = true;
            labelOutagesUpTo(Long.MAX_VALUE);
            labels.finish();
        }
    }

    /** Ends a run cut short by a row limit: labels up to the last pass handed out, none after it. */
    void endAt(long lastStartMs) {
        if (!finished) {
            finished = true;
            labelOutagesUpTo(lastStartMs);
            labels.releaseBefore(lastStartMs + 1);
        }
    }

    private void labelOutagesUpTo(long ms) {
        while (nextOutage != null && nextOutage.fromMs() <= ms) {
            labels.accept(nextOutage.label());
            nextOutage = outageLabels.next();
        }
    }
}
