package org.openrfid.trace.service.alert;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert event log, live: one thread per member polls the store's ordered event log (so events
 * raised on any member reach every member's subscribers, in one order) and hands each subscriber what
 * it may see. A subscriber that names the last event it saw ({@code Last-Event-ID}) first gets every
 * event after it, from the store, then joins live without a gap: joining happens on the polling
 * thread between polls.
 *
 * <p>Identity values can commit out of order (two members raising at once), so an event id gap is
 * waited for up to {@link #GAP_WAIT_MS} before the poller moves past it.
 */
public final class AlertStream implements AutoCloseable {

    static final long GAP_WAIT_MS = 2_000;
    private static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(AlertStream.class);

    /** What the stream needs of a subscriber: a filter and a way to send (false: gone, drop it). */
    public interface Subscriber {
        Predicate<Alert> visible();

        boolean send(AlertEvent event);
    }

    private record Pending(Subscriber subscriber, long afterSeq) {
    }

    private final Alerts alerts;
    private final long pollMillis;
    private final ConcurrentLinkedQueue<Pending> joining = new ConcurrentLinkedQueue<>();
    private final List<Subscriber> live = new ArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;
    private final Object doorbell = new Object();
    private boolean rung;
    private long head;
    private long gapSince = -1;

    public AlertStream(Alerts alerts, long pollMillis) {
        this.alerts = alerts;
        this.pollMillis = pollMillis;
        this.head = alerts.lastSeq();
        this.poller = new Thread(this::run, "alert-stream");
        poller.setDaemon(true);
        poller.start();
    }

    /** @param afterSeq the last event the subscriber saw, or a negative number for "only new ones" */
    public void subscribe(Subscriber subscriber, long afterSeq) {
        joining.add(new Pending(subscriber, afterSeq));
    }

    /**
     * An event was just stored on this member: poll now rather than at the next interval (events of other
     * members still arrive within one poll interval).
     */
    public void wake() {
        synchronized (doorbell) {
            rung = true;
            doorbell.notifyAll();
        }
    }

    /** Subscribers now served (for health and tests). */
    public int subscribers() {
        synchronized (live) {
            return live.size() + joining.size();
        }
    }

    private void run() {
        while (running) {
            try {
                poll();
                synchronized (doorbell) {
                    if (!rung) {
                        doorbell.wait(pollMillis);
                    }
                    rung = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The store is away: keep the subscribers, try again (they see no event until it is back).
                log.warn("Alert stream poll failed: {}", e.toString());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    void poll() {
        List<AlertEvent> fresh = contiguous(alerts.eventsAfter(head, PAGE));
        Pending p;
        while ((p = joining.poll()) != null) {
            if (p.afterSeq() >= 0 && p.afterSeq() < head && !replay(p.subscriber(), p.afterSeq())) {
                continue;
            }
            synchronized (live) {
                live.add(p.subscriber());
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        head = fresh.get(fresh.size() - 1).seq();
        synchronized (live) {
            for (Iterator<Subscriber> it = live.iterator(); it.hasNext(); ) {
                Subscriber s = it.next();
                if (!deliver(s, fresh)) {
                    it.remove();
                }
            }
        }
    }

    /** Events up to the first gap in seq, unless the gap is older than the wait. */
    private List<AlertEvent> contiguous(List<AlertEvent> events) {
        long expected = head + 1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).seq() != expected) {
                long now = System.currentTimeMillis();
                if (gapSince < 0) {
                    gapSince = now;
                }
                if (now - gapSince < GAP_WAIT_MS) {
                    return events.subList(0, i);
                }
            }
            expected = events.get(i).seq() + 1;
        }
        gapSince = -1;
        return events;
    }

    private boolean replay(Subscriber s, long after) {
        long cursor = after;
        while (cursor < head) {
            List<AlertEvent> page = alerts.eventsAfter(cursor, PAGE);
            Deque<AlertEvent> upToHead = new ArrayDeque<>();
            for (AlertEvent e : page) {
                if (e.seq() <= head) {
                    upToHead.add(e);
                }
            }
            if (upToHead.isEmpty()) {
                return true;
            }
            if (!deliver(s, List.copyOf(upToHead))) {
                return false;
            }
            cursor = upToHead.getLast().seq();
        }
        return true;
    }

    private static boolean deliver(Subscriber s, List<AlertEvent> events) {
        for (AlertEvent e : events) {
            if (s.visible().test(e.alert()) && !s.send(e)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }
}
