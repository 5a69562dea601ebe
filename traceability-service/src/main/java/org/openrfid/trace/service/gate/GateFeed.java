package org.openrfid.trace.service.gate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds stored passages at watched gates into {@link GateWindows} and records each group as it closes.
 * The passage writer only adds to memory here; grouping closes and registry work run on this feed's
 * own thread, so a slow registry never holds up storing passages.
 */
public class GateFeed implements Consumer<List<EnrichedPassage>>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GateFeed.class);

    private final GateTransactions transactions;
    private final GateWindows windows;
    private final Clock clock;
    private final List<List<EnrichedPassage>> closed = new ArrayList<>();
    private ScheduledExecutorService ticker;

    public GateFeed(GateTransactions transactions, Duration window, Clock clock) {
        this.transactions = transactions;
        this.windows = new GateWindows(window);
        this.clock = clock;
    }

    @Override
    public void accept(List<EnrichedPassage> batch) {
        synchronized (windows) {
            for (EnrichedPassage p : batch) {
                if (p.location() != null && transactions.watches(p.location().kind())) {
                    closed.addAll(windows.add(p, clock.instant()));
                }
            }
        }
    }

    /** Records every group closed by now; what the ticker runs, and tests call with their own clock. */
    public void flush() {
        List<List<EnrichedPassage>> due;
        synchronized (windows) {
            closed.addAll(windows.closeIdle(clock.instant()));
            due = new ArrayList<>(closed);
            closed.clear();
        }
        for (List<EnrichedPassage> group : due) {
            try {
                transactions.record(group);
            } catch (RuntimeException e) {
                log.warn("Gate transaction at {} not recorded: {}", group.get(0).passage().locationId(), e.toString());
            }
        }
    }

    public GateFeed start(Duration every) {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gate-transactions");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::flush, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
