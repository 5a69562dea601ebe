package org.openrfid.trace.sampledata.generator;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.openrfid.trace.sampledata.world.DemoWorld;
import org.openrfid.trace.sampledata.world.LibraryItem;
import org.openrfid.trace.sampledata.world.WorldBuilder;

/**
 * Patrons walking through the library's security gates with one to three items on loan (taking
 * them out or bringing them back), at random times while the library is open (08:00-21:00). Every
 * Nth visit someone also carries out an item that is on the shelf, never checked out, labelled
 * {@link Anomaly#LIBRARY_UNCHECKED_EXIT}. Items are taken in turn, so one item comes back to a gate
 * only after hundreds of others, far beyond the 2-second rule.
 *
 * <p>Memory: the passes of one visit at a time.
 */
final class LibraryFlow implements Iterator<Pass> {
    static final String GATE_1 = WorldBuilder.LIBRARY + "-G1";
    static final String GATE_2 = WorldBuilder.LIBRARY + "-G2";
    private static final int OPENS_HOUR = 8;
    private static final int CLOSES_HOUR = 21;

    private record Scheduled(Pass pass, Anomaly label) {
    }

    private final List<LibraryItem> onLoan;
    private final List<LibraryItem> onShelf;
    private final double meanGapMs;
    private final int uncheckedEvery;
    private final long startOfDayMs;
    private final long durationMs;
    private final Consumer<Anomaly> labels;
    private final SplittableRandom random;
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            Comparator.comparing(Scheduled::pass, MergedPasses.ORDER));
    private long nextVisitMs;
    private long visits;
    private int nextLoan;
    private int nextShelf;

    LibraryFlow(DemoWorld world, GeneratorOptions options, Consumer<Anomaly> labels) {
        this.onLoan = world.libraryItems().stream().filter(i -> i.status().equals(LibraryItem.ON_LOAN)).toList();
        this.onShelf = world.libraryItems().stream().filter(i -> i.status().equals(LibraryItem.ON_SHELF)).toList();
        int perHour = options.flows().libraryVisitsPerHour();
        this.meanGapMs = perHour == 0 ? 0 : 3_600_000.0 / perHour;
        this.uncheckedEvery = options.flows().uncheckedEvery();
        this.startOfDayMs = options.startHour() * DayProfile.HOUR_MS;
        this.durationMs = options.durationMs();
        this.labels = labels;
        this.random = new SplittableRandom(options.seed() ^ 0x11B5L);
        this.nextVisitMs = meanGapMs == 0 ? Long.MAX_VALUE : open(Math.round(random.nextDouble() * meanGapMs));
    }

    @Override
    public boolean hasNext() {
        while (nextVisitMs < durationMs && (queue.isEmpty() || queue.peek().pass().startMs() >= nextVisitMs)) {
            visit(nextVisitMs);
            // Poisson arrivals, at least 1.5 s apart so one patron's items stay one visit.
            long gap = Math.max(1_500L, Math.round(-Math.log(1 - random.nextDouble()) * meanGapMs));
            nextVisitMs = open(nextVisitMs + gap);
        }
        return !queue.isEmpty();
    }

    @Override
    public Pass next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Scheduled s = queue.poll();
        if (s.label() != null) {
            labels.accept(s.label());
        }
        return s.pass();
    }

    /** The time itself when the library is open, else its next opening. */
    private long open(long offsetMs) {
        long absolute = startOfDayMs + offsetMs;
        int hour = DayProfile.hourOf(absolute);
        if (hour >= OPENS_HOUR && hour < CLOSES_HOUR) {
            return offsetMs;
        }
        long day = absolute / DayProfile.DAY_MS + (hour >= CLOSES_HOUR ? 1 : 0);
        return day * DayProfile.DAY_MS + OPENS_HOUR * DayProfile.HOUR_MS - startOfDayMs;
    }

    private void visit(long startMs) {
        visits++;
        String gate = random.nextBoolean() ? GATE_1 : GATE_2;
        int items = 1 + random.nextInt(3);
        for (int k = 0; k < items && !onLoan.isEmpty(); k++) {
            LibraryItem item = onLoan.get(nextLoan++ % onLoan.size());
            queue.add(new Scheduled(itemPass(startMs + random.nextInt(300), item, gate), null));
        }
        if (uncheckedEvery > 0 && visits % uncheckedEvery == 0 && !onShelf.isEmpty()) {
            LibraryItem item = onShelf.get(nextShelf++ % onShelf.size());
            long at = startMs + random.nextInt(300);
            queue.add(new Scheduled(itemPass(at, item, gate), new Anomaly(at, Anomaly.LIBRARY_UNCHECKED_EXIT, item.epc(),
                    gate, "item barcode " + item.barcode() + " is on the shelf, not checked out")));
        }
    }

    private Pass itemPass(long startMs, LibraryItem item, String gate) {
        return new Pass(startMs, item.epc(), "", gate, "rdr-" + gate, 1, 2, 1_000 + random.nextInt(800), TagProfile.LIBRARY_ITEM);
    }
}
