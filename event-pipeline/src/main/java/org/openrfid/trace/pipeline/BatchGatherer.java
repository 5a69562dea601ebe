package org.openrfid.trace.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Gathers what waits at the head of a queue into one batch, by size or linger, whichever comes first: a
 * queue's single consumer, holding the item it just took, takes the items queued behind it (in queue
 * order) until the batch holds {@code maxSize} or more, so the last item may cross the bound and is
 * taken whole, or the queue stays empty for {@code linger}. With a zero linger only what is already
 * queued is taken.
 *
 * <p>Items are only peeked at until they are known to be wanted: the first one that is not
 * {@code takeable} stays queued for the consumer, and so does everything behind it. While the queue is
 * empty and linger time is left, the consumer parks (in steps of at most a millisecond) without taking
 * anything, so an item arriving meanwhile is still checked first.
 *
 * <p>For one consumer only: another consumer could poll an item between the peek and the poll, which
 * {@link #gather} reports as an {@link IllegalStateException} rather than losing an item. Thread-safe
 * itself (no state but its settings), so one instance may be shared.
 *
 * @param <E> what the queue holds (for Camel's seda, the exchanges)
 */
public final class BatchGatherer<E> {

    private static final long PARK_STEP_NANOS = 1_000_000L;

    private final int maxSize;
    private final long lingerNanos;
    private final Predicate<? super E> takeable;
    private final ToIntFunction<? super E> sizeOf;

    /**
     * @param maxSize  the batch is full once it holds this much (as counted by {@code sizeOf})
     * @param linger   how long to wait for more while the batch is not full and the queue is empty
     * @param takeable whether an item at the head may join the batch (the first that may not ends it)
     * @param sizeOf   how much an item adds to the batch (1 to count items, or the reads in a batch)
     */
    public BatchGatherer(int maxSize, Duration linger, Predicate<? super E> takeable, ToIntFunction<? super E> sizeOf) {
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger must not be negative: " + linger);
        }
        this.maxSize = maxSize;
        this.lingerNanos = linger.toNanos();
        this.takeable = Objects.requireNonNull(takeable);
        this.sizeOf = Objects.requireNonNull(sizeOf);
    }

    /**
     * Takes items from the head of {@code queue} while the batch is below the bound, telling
     * {@code taken} about each one, in queue order, right after it is taken.
     *
     * @param sizeSoFar what the caller already holds (the item it took itself)
     * @return the size of the whole batch, {@code sizeSoFar} included
     * @throws IllegalStateException when another consumer took an item this one had peeked at
     */
    public int gather(BlockingQueue<E> queue, int sizeSoFar, Consumer<? super E> taken) {
        int size = sizeSoFar;
        long deadline = lingerNanos == 0 ? 0 : System.nanoTime() + lingerNanos;
        while (size < maxSize) {
            E next = queue.peek();
            if (next == null) {
                if (lingerNanos == 0) {
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                LockSupport.parkNanos(Math.min(left, PARK_STEP_NANOS));
                continue;
            }
            if (!takeable.test(next)) {
                break;
            }
            if (queue.poll() != next) {
                throw new IllegalStateException("the queue has another consumer: an item peeked at was taken by it");
            }
            taken.accept(next);
            size += sizeOf.applyAsInt(next);
        }
        return size;
    }

    public int maxSize() {
        return maxSize;
    }

    public Duration linger() {
        return Duration.ofNanos(lingerNanos);
    }
}
