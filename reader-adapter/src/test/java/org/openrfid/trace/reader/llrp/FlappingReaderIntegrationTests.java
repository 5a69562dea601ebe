package org.openrfid.trace.reader.llrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.ReaderStatusBoard;

/**
 * A reader that accepts, lets the set-up complete and then drops the connection after a moment — a
 * reader rebooting in a loop, a flaky switch port — must not be redialled at the initial back-off
 * forever: the back-off only starts over once a connection has stayed up for the stable period.
 */
class FlappingReaderIntegrationTests {

    private FakeReader reader;
    private LlrpClientSession session;

    @AfterEach
    void tearDown() throws Exception {
        if (session != null) {
            session.stop();
        }
        if (reader != null) {
            reader.close();
        }
    }

    private static LlrpReaderConfig config(int port) {
        return LlrpReaderConfig.of("flappy", "127.0.0.1", port).withKeepalive(Duration.ofMillis(1_000)).withReadTid(false)
                .withBackoff(Duration.ofMillis(50), Duration.ofSeconds(5));
    }

    /** From each drop by the reader to the client's next dial, in milliseconds. */
    private static List<Long> redialMillis(FakeReader r) {
        List<Long> accepted = r.acceptedNanos();
        List<Long> dropped = r.droppedNanos();
        List<Long> out = new ArrayList<>();
        for (int i = 0; i + 1 < accepted.size() && i < dropped.size(); i++) {
            out.add((accepted.get(i + 1) - dropped.get(i)) / 1_000_000);
        }
        return out;
    }

    @Test
    void backOffGrowsAcrossFlapsAndTheStatusSaysFlapping() throws Exception {
        // Up for 100 ms after each set-up, far below the default stable period of 60 s.
        reader = new FakeReader(c -> c.drainFor(100));
        session = new LlrpClientSession(config(reader.port()), b -> { }, Clock.systemUTC());
        session.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> reader.setUps() >= 7 && redialMillis(reader).size() >= 6);
        List<Long> redials = redialMillis(reader);
        // Back-off 50 ms doubling, jittered in [b/2, b): the 5th and 6th waits are at least 400 and 800 ms.
        // Resetting after each set-up kept every wait in [25, 50) ms.
        assertThat(redials.get(4)).as("redial waits %s", redials).isGreaterThanOrEqualTo(300);
        assertThat(redials.get(5)).as("redial waits %s", redials).isGreaterThanOrEqualTo(600);
        assertThat(redials.get(5)).as("redial waits %s", redials).isGreaterThan(redials.get(0));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(session.status().flaps()).isGreaterThanOrEqualTo(6);
            assertThat(session.status().flapping()).isTrue();
        });
        ReaderStatusBoard board = new ReaderStatusBoard();
        board.register("flappy", session::status);
        assertThat(board.flapping()).containsExactly("flappy");
    }

    @Test
    void aConnectionThatStaysUpForTheStablePeriodStartsTheBackOffOver() throws Exception {
        reader = new FakeReader(c -> c.drainFor(400));
        session = new LlrpClientSession(config(reader.port()).withStablePeriod(Duration.ofMillis(150)), b -> { },
                Clock.systemUTC());
        session.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> redialMillis(reader).size() >= 6);
        List<Long> redials = redialMillis(reader);
        // Every wait is the initial one, [25, 50) ms; without the reset the 6th would be >= 800 ms.
        assertThat(redials).as("redial waits").allSatisfy(ms -> assertThat(ms).isLessThan(700));
        assertThat(session.status().flaps()).isZero();
        assertThat(session.status().flapping()).isFalse();
    }
}
