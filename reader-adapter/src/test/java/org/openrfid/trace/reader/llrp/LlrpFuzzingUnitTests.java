package org.openrfid.trace.reader.llrp;

import ch.qos.logback.classic.Level;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.openrfid.trace.reader.TagRead;
import org.slf4j.LoggerFactory;

/**
 * Property-based fuzzing of what a reader's bytes reach, from mutations of valid frames
 * ({@link FuzzCorpus}, {@link FrameMutator}): (a) the RO_ACCESS_REPORT decoder, (b) the client side of a
 * connection — framing, set-up (LlrpHandshake through LlrpChannel) and then streaming through the
 * ReportDispatcher — and (c) the greeting of a reader dialling in (ReaderInitiatedListener). Each may
 * refuse an input only with its declared exception, must finish (no hang) and must allocate in
 * proportion to the input, not to what its length fields claim ({@link FuzzHarness}).
 *
 * <p>Tries per property come from {@code jqwik.tries.default} (junit-platform.properties: a short run for
 * every build). The long run, documented in docs/reliability-reader.md:
 * {@code ./mvnw -B -o -pl reader-adapter test -Dtest=LlrpFuzzingUnitTests -Djqwik.tries.default=400000}.
 */
class LlrpFuzzingUnitTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final LlrpReaderConfig CONFIG = LlrpReaderConfig.of("fuzz", "127.0.0.1", 5084)
            .withKeepalive(Duration.ofSeconds(1));

    private static final List<byte[]> REPORTS = FuzzCorpus.reports();
    private static final List<List<byte[]>> CONVERSATIONS = FuzzCorpus.readerConversations();
    private static final List<List<byte[]>> GREETINGS = FuzzCorpus.dialInGreetings();
    private static final FrameMutator MUTATOR = new FrameMutator(FuzzCorpus.allFrames());

    private static FuzzHarness decoder;
    private static FuzzHarness client;
    private static FuzzHarness dialIn;
    private static ReaderInitiatedListener listener;
    /** Loggers of the code under test and of ltkjava: each rejection is a WARN line, millions would be the run's cost. */
    private static final List<String> QUIET = List.of("org.openrfid.trace.reader.llrp", "org.llrp", "LLRPMessageFactory");
    private static final java.util.Map<String, Level> levels = new java.util.HashMap<>();

    /** A valid seed (by index) and the mutations to apply to it. */
    record FuzzInput(int seed, List<FrameMutator.Mutation> mutations, boolean fixLengths) {
    }

    @BeforeContainer
    static void setUp() {
        for (String name : QUIET) {
            ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(Level.OFF);
        }
        decoder = new FuzzHarness("RO_ACCESS_REPORT decoder", Set.of(LlrpDecodeException.class));
        client = new FuzzHarness("client set-up and streaming", Set.of(IOException.class, LlrpDecodeException.class));
        dialIn = new FuzzHarness("dial-in greeting", Set.of(IOException.class));
        listener = new ReaderInitiatedListener(0);
    }

    @AfterContainer
    static void tearDown() {
        for (FuzzHarness h : new FuzzHarness[] {decoder, client, dialIn}) {
            System.out.println("[llrp-fuzz] " + h.summary());
            h.close();
        }
        listener.close();
        levels.forEach((name, level) -> ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(level));
    }

    @Property
    void reportDecoderRefusesOnlyWithItsParseException(@ForAll("reportInputs") FuzzInput in) {
        List<byte[]> frames = MUTATOR.apply(List.of(REPORTS.get(in.seed())), in.mutations(), in.fixLengths());
        decoder.check(frames, input -> {
            RoAccessReportDecoder d = new RoAccessReportDecoder(EnumSet.allOf(RoAccessReportDecoder.CarriedField.class),
                    RoAccessReportDecoder.DEFAULT_TID_OPSPEC_ID, RoAccessReportDecoder.DEFAULT_USER_OPSPEC_ID);
            List<TagRead> reads = d.decode(input, "fuzz", 0);
            // A TagReportData is at least 10 bytes (TLV header, EPCData with its bit count): no more reads than that.
            if (reads.size() > input.length / 10) {
                throw new AssertionError(reads.size() + " reads from " + input.length + " bytes");
            }
            // The carried-over state of a mutated report must not break the next, valid one.
            d.decode(REPORTS.get(0), "fuzz", 0);
        });
    }

    @Property
    void clientSideRefusesOnlyWithIoOrParseExceptions(@ForAll("conversationInputs") FuzzInput in) {
        List<byte[]> frames = MUTATOR.apply(CONVERSATIONS.get(in.seed()), in.mutations(), in.fixLengths());
        client.check(frames, input -> {
            LlrpLink link = new LlrpLink(null, new ByteArrayInputStream(input), OutputStream.nullOutputStream(), false, "fuzz");
            ReportDispatcher dispatcher = new ReportDispatcher("fuzz", batch -> { }, CLOCK, new ReadRateMeter(), error -> { });
            LlrpChannel channel = new LlrpChannel("fuzz", link, new AtomicLong(1), dispatcher);
            dispatcher.newConnection();
            new LlrpHandshake(CONFIG, channel).run(false);
            // Streaming as LlrpClientSession.stream does it, until the reader hangs up.
            for (byte[] frame = channel.read(); frame != null; frame = channel.read()) {
                dispatcher.dispatch(frame, channel);
            }
        });
    }

    @Property
    void dialInGreetingRefusesOnlyWithIoExceptions(@ForAll("greetingInputs") FuzzInput in) {
        List<byte[]> frames = MUTATOR.apply(GREETINGS.get(in.seed()), in.mutations(), in.fixLengths());
        dialIn.check(frames, input -> {
            LlrpLink link = new LlrpLink(null, new ByteArrayInputStream(input), OutputStream.nullOutputStream(), false, "fuzz");
            listener.identifyCaller(link);
        });
    }

    @Provide
    Arbitrary<FuzzInput> reportInputs() {
        return inputs(REPORTS.size(), 1);
    }

    @Provide
    Arbitrary<FuzzInput> conversationInputs() {
        return inputs(CONVERSATIONS.size(), CONVERSATIONS.get(0).size());
    }

    @Provide
    Arbitrary<FuzzInput> greetingInputs() {
        return inputs(GREETINGS.size(), 3);
    }

    private static Arbitrary<FuzzInput> inputs(int seeds, int frames) {
        Arbitrary<FrameMutator.Mutation> mutation = Combinators.combine(
                Arbitraries.of(FrameMutator.Kind.class),
                Arbitraries.integers().between(0, Math.max(0, frames - 1)),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers()).as(FrameMutator.Mutation::new);
        return Combinators.combine(
                Arbitraries.integers().between(0, seeds - 1),
                mutation.list().ofMinSize(1).ofMaxSize(6),
                Arbitraries.of(true, true, true, false)).as(FuzzInput::new);
    }
}
