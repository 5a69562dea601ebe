package org.openrfid.trace.reader.llrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openrfid.trace.reader.ReaderState;
import org.openrfid.trace.reader.TagReadBatch;

/**
 * A frame that arrives in two TCP segments with a pause longer than the client's read timeout between
 * them (a congested link, a reader busy between two writes) is still one frame: the client keeps the
 * bytes it has and goes on where it stopped, rather than reading on from mid-frame as if a new frame began.
 */
class TornFrameIntegrationTests {

    private static final String EPC_1 = "3074257BF7194E4000001A85";
    private static final String EPC_2 = "3074257BF7194E4000001A86";
    /** Longer than the streaming read timeout (min(keepalive, 1 s)), shorter than three keepalive periods. */
    private static final long PAUSE_MS = 1_600;

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

    /** @param split bytes of the report sent before the pause: 4 is inside the header, 17 inside the body */
    @ParameterizedTest(name = "split after {0} bytes")
    @ValueSource(ints = {4, 17})
    void frameSplitAcrossAReadTimeoutIsReadWhole(int split) throws Exception {
        byte[] torn = FakeReader.report(EPC_1, 2, 7001);
        byte[] next = FakeReader.report(EPC_2, 3, 7002);
        reader = new FakeReader(c -> {
            c.send(Arrays.copyOfRange(torn, 0, split));
            // Only makes time pass: the client's read times out at least once in the middle of the frame.
            Thread.sleep(PAUSE_MS);
            c.send(Arrays.copyOfRange(torn, split, torn.length));
            c.send(next);
            c.drainFor(30_000);
        });
        Queue<TagReadBatch> batches = new ConcurrentLinkedQueue<>();
        LlrpReaderConfig config = LlrpReaderConfig.of("torn", "127.0.0.1", reader.port())
                .withKeepalive(Duration.ofMillis(1_000)).withReadTid(false)
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400));
        session = new LlrpClientSession(config, batches::add, Clock.systemUTC());
        session.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> batches.stream().mapToInt(TagReadBatch::size).sum() >= 2);
        assertThat(batches.stream().flatMap(b -> b.reads().stream()).map(r -> r.epc().toHex() + "@" + r.antenna()))
                .containsExactly(EPC_1 + "@2", EPC_2 + "@3");
        assertThat(session.connectionsEstablished()).isEqualTo(1);
        assertThat(reader.acceptedNanos()).hasSize(1);
        assertThat(session.status().state()).isEqualTo(ReaderState.CONNECTED);
        assertThat(session.status().lastError()).isNull();
    }
}
