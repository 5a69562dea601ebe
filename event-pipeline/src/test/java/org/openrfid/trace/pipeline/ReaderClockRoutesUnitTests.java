package org.openrfid.trace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageSmoother;
import org.openrfid.trace.passage.ReadPoint;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.passage.SmoothingPolicy;
import org.openrfid.trace.pipeline.ingest.IngestRejection;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;

/**
 * Issue 18, bad reader clocks, through the real smoothing route: a read dated 2099 must not make its reader's
 * later reads late, and a reader whose clock steps back an hour must go on making passages. Both failed
 * before reader time was bounded and steps back were detected: the van's passage never came (its reads
 * were all counted late).
 */
class ReaderClockRoutesUnitTests {

    static final RawEpc CAR = RawEpc.ofHex("3034257BF7194E4000001A85");
    static final RawEpc VAN = RawEpc.ofHex("3034257BF7194E4000001A86");
    static final RawEpc BUS = RawEpc.ofHex("3034257BF7194E4000001A87");
    static final long SECOND = 1_000_000L;

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T08:00:00Z"));
    final CamelContext camel = new DefaultCamelContext();
    final PipelineCounters counters = new PipelineCounters();
    final List<Passage> passages = new CopyOnWriteArrayList<>();
    final List<ReadDeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    final PipelineEndpoints endpoints = new PipelineEndpoints("seda:tag-reads?size=10000&blockWhenFull=true",
            "seda:passages?size=2000&blockWhenFull=true", "seda:arrivals?size=10000&discardIfNoConsumers=true", 20,
            PipelineEndpoints.DEFAULT_DEAD_LETTERS);
    ProducerTemplate producer;

    void start() throws Exception {
        ReadPointDirectory directory = new ReadPointDirectory();
        directory.put(new ReadPoint("gantry", 1, "CP-1", Direction.IN, 1));
        // The service's defaults: 2 s silence, 1 s lateness, reader clock 5 min ahead / 24 h behind / 1 min step back.
        SmoothingStage stage = new SmoothingStage(new PassageSmoother(SmoothingPolicy.of(Duration.ofSeconds(2)), directory, epc -> null),
                clock, counters);
        camel.addRoutes(new SmoothingRoutes(endpoints, stage, clock));
        camel.addRoutes(new RouteBuilder() {
            @Override
            @SuppressWarnings("unchecked")
            public void configure() {
                from(endpoints.passages()).process(e -> passages.addAll(e.getMessage().getBody(List.class)));
                from(endpoints.deadLetters()).process(e -> deadLetters.addAll(e.getMessage().getBody(List.class)));
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void aReadDated2099IsDeadLetteredAndTheReadersLaterReadsStillMakePassages() throws Exception {
        start();
        long now = clock.micros();
        TagRead from2099 = read(CAR, Instants.toMicros(Instant.parse("2099-01-01T00:00:00Z")), now);
        send(from2099);
        List<TagRead> normal = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            normal.add(read(VAN, now + i * 200_000L, now + i * 200_000L));
        }
        send(normal.toArray(TagRead[]::new));
        clock.move(Duration.ofSeconds(10)); // quiet for longer than silence + lateness: the van's presence completes

        await("the van's passage and the dead letter").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(counters.openPresences() == 0 && !passages.isEmpty() && !deadLetters.isEmpty()).as(state()).isTrue());
        assertThat(passages).singleElement().satisfies(p -> {
            assertThat(p.epc()).isEqualTo(VAN);
            assertThat(p.reads()).isEqualTo(5);
            assertThat(p.firstSeen()).isEqualTo(Instants.ofMicros(now));
        });
        assertThat(counters.lateReads()).isZero();
        assertThat(counters.readsAhead()).isEqualTo(1);
        assertThat(counters.readsOutOfBounds()).isEqualTo(1);
        assertThat(counters.readsMerged()).isEqualTo(5);
        assertThat(deadLetters).singleElement().satisfies(d -> {
            assertThat(d.read()).isEqualTo(from2099);
            assertThat(d.source()).isEqualTo("smoothing:gantry");
            assertThat(d.rejection().reason()).isEqualTo(IngestRejection.Reason.CLOCK_SKEW);
            assertThat(d.rejection().getMessage()).contains("2099-01-01T00:00:00Z", "ahead of", "PT5M");
            assertThat(d.payload()).contains(CAR.toHex(), "lastSeen=2099-01-01T00:00:00Z");
        });
    }

    @Test
    void aReaderWhoseClockStepsBackAnHourGoesOnMakingPassagesWithNothingLostOrDoubled() throws Exception {
        start();
        long t = clock.micros();
        // In step with the wall clock: the car passes, the bus arrives and stays.
        for (int i = 0; i < 5; i++) {
            send(read(CAR, t + i * 250_000L, clock.micros()), read(BUS, t + i * 250_000L + 1, clock.micros()));
            clock.move(Duration.ofMillis(250));
        }
        // The reader's clock steps back one hour (a bad NTP answer, a clock set by hand); the bus is still
        // there and the van passes after the step.
        long stepped = clock.micros() - 3_600 * SECOND;
        for (int i = 0; i < 5; i++) {
            send(read(BUS, stepped + i * 250_000L, clock.micros()), read(VAN, stepped + i * 250_000L + 1, clock.micros()));
            clock.move(Duration.ofMillis(250));
        }
        clock.move(Duration.ofSeconds(10));

        await("every presence completed").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(counters.openPresences() == 0 && passages.size() >= 4).as(state()).isTrue());
        assertThat(passages).extracting(Passage::epc).containsExactlyInAnyOrder(CAR, BUS, BUS, VAN);
        assertThat(passages).as("every read in exactly one passage").allSatisfy(p -> assertThat(p.reads()).isEqualTo(5));
        assertThat(passages).extracting(Passage::id).doesNotHaveDuplicates();
        assertThat(passages).filteredOn(p -> p.epc().equals(BUS)).extracting(Passage::firstSeen)
                .as("the bus: one passage on each clock").containsExactlyInAnyOrder(Instants.ofMicros(t + 1), Instants.ofMicros(stepped));
        assertThat(passages).filteredOn(p -> p.epc().equals(VAN)).singleElement()
                .satisfies(p -> assertThat(p.firstSeen()).isEqualTo(Instants.ofMicros(stepped + 1)));
        assertThat(counters.passagesOut()).isEqualTo(4);
        assertThat(counters.readsMerged()).isEqualTo(20);
        assertThat(counters.lateReads()).isZero();
        assertThat(counters.clockSteps()).isEqualTo(1);
        assertThat(counters.readsOutOfBounds()).isZero();
        assertThat(deadLetters).isEmpty();
    }

    String state() {
        return "open " + counters.openPresences() + ", merged " + counters.readsMerged() + ", late " + counters.lateReads()
                + ", out of bounds " + counters.readsOutOfBounds() + ", clock steps " + counters.clockSteps() + ", passages " + passages
                + ", dead letters " + deadLetters;
    }

    /**
     * Sends one report and waits until the smoother has taken it, so the wall time it sees is the one the
     * test set (the clock only moves between reports, as the test says).
     */
    void send(TagRead... reads) {
        long before = counters.batchesIn();
        producer.sendBody(endpoints.reads(), new TagReadBatch("gantry", List.of(reads)));
        await("the report smoothed").atMost(Duration.ofSeconds(10)).until(() -> counters.batchesIn() > before);
    }

    static TagRead read(RawEpc epc, long readerMicros, long receivedMicros) {
        return new TagRead("gantry", 1, epc, null, null, -5000, -1, -1, readerMicros, readerMicros, 1, receivedMicros);
    }

    /** A wall clock the test moves on; read from the route threads, hence volatile. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        long micros() {
            return Instants.toMicros(now);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
