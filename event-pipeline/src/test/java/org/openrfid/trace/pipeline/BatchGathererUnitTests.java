package org.openrfid.trace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

class BatchGathererUnitTests {

    private final BlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
    private final List<Integer> taken = new ArrayList<>();

    @Test
    void takesWhatWaitsInOrderUntilTheBoundIsReachedAndTheLastItemWhole() {
        queue.addAll(List.of(3, 3, 3, 3));
        BatchGatherer<Integer> gatherer = new BatchGatherer<>(8, Duration.ZERO, i -> true, i -> i);

        int size = gatherer.gather(queue, 1, taken::add);

        assertThat(taken).containsExactly(3, 3, 3);
        assertThat(size).isEqualTo(10);
        assertThat(queue).containsExactly(3);
    }

    @Test
    void stopsAtTheFirstItemThatMayNotJoinAndLeavesItQueued() {
        queue.addAll(List.of(1, 2, -1, 4));
        BatchGatherer<Integer> gatherer = new BatchGatherer<>(100, Duration.ZERO, i -> i > 0, i -> 1);

        assertThat(gatherer.gather(queue, 1, taken::add)).isEqualTo(3);
        assertThat(taken).containsExactly(1, 2);
        assertThat(queue).containsExactly(-1, 4);
    }

    @Test
    void withoutLingerAnEmptyQueueEndsTheBatchAtOnce() {
        BatchGatherer<Integer> gatherer = new BatchGatherer<>(100, Duration.ZERO, i -> true, i -> 1);

        assertThat(gatherer.gather(queue, 1, taken::add)).isEqualTo(1);
        assertThat(taken).isEmpty();
    }

    @Test
    void lingersForItemsThatArriveWhileTheBatchIsNotFull() throws InterruptedException {
        BatchGatherer<Integer> gatherer = new BatchGatherer<>(3, Duration.ofSeconds(10), i -> true, i -> 1);
        Thread producer = new Thread(() -> {
            queue.add(7);
            try {
                Thread.sleep(20); // makes time pass: the second item comes later, so the gatherer must linger for it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            queue.add(8);
        });
        producer.start();

        int size = gatherer.gather(queue, 1, taken::add);
        producer.join();

        assertThat(size).isEqualTo(3);
        assertThat(taken).containsExactly(7, 8);
    }

    @Test
    void lingerEndsTheBatchWhenNothingMoreComes() {
        BatchGatherer<Integer> gatherer = new BatchGatherer<>(100, Duration.ofMillis(30), i -> true, i -> 1);
        long start = System.nanoTime();

        assertThat(gatherer.gather(queue, 1, taken::add)).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
    }

    @Test
    void anItemTakenByAnotherConsumerIsReportedNotLost() {
        BlockingQueue<Integer> racing = new LinkedBlockingQueue<>(List.of(1, 2)) {
            @Override
            public Integer poll() {
                super.poll(); // another consumer got the head first
                return super.poll();
            }
        };
        BatchGatherer<Integer> gatherer = new BatchGatherer<>(100, Duration.ZERO, i -> true, i -> 1);

        assertThatThrownBy(() -> gatherer.gather(racing, 1, taken::add)).isInstanceOf(IllegalStateException.class);
    }
}
