package org.openrfid.trace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.PassageSmoother;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.passage.SmoothingPolicy;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;

/** The ingress route hands the ingress every batch already waiting in the reads queue, in order, up to a bound. */
class RouteCoalescingUnitTests {

    private final CamelContext camel = new DefaultCamelContext();
    private final List<List<TagReadBatch>> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        camel.stop();
    }

    private ProducerTemplate startWithIngressStopped() throws Exception {
        PipelineEndpoints endpoints = new PipelineEndpoints("seda:tag-reads?size=10000&blockWhenFull=true",
                "seda:passages?size=2000&blockWhenFull=true", "seda:arrivals?size=10000&discardIfNoConsumers=true", 100);
        ReadPointDirectory directory = new ReadPointDirectory();
        SmoothingStage stage = new SmoothingStage(new PassageSmoother(SmoothingPolicy.of(Duration.ofSeconds(2)), directory, epc -> null),
                Clock.systemUTC(), new PipelineCounters());
        ReadIngress recording = new ReadIngress() {
            @Override
            public void ingest(TagReadBatch batch) {
                calls.add(List.of(batch));
            }

            @Override
            public void ingestAll(List<TagReadBatch> batches) {
                calls.add(List.copyOf(batches));
            }
        };
        camel.addRoutes(new SmoothingRoutes(endpoints, stage, Clock.systemUTC(), recording));
        camel.start();
        camel.getRouteController().stopRoute("smoothing-ingress");
        return camel.createProducerTemplate();
    }

    private static TagReadBatch batch(int n, int reads) {
        List<TagRead> list = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            list.add(new TagRead("R" + n, 1, RawEpc.ofHex("3034257BF7194E4000001A85"), null, null, -5000, -1, -1, i, i, 1, i));
        }
        return new TagReadBatch("R" + n, list);
    }

    private void awaitBatches(int total) {
        await("batches handed to the ingress").atMost(Duration.ofSeconds(10))
                .until(() -> calls.stream().mapToInt(List::size).sum() >= total);
    }

    @Test
    void batchesWaitingInTheQueueGoToTheIngressTogetherInOrder() throws Exception {
        ProducerTemplate producer = startWithIngressStopped();
        List<TagReadBatch> sent = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sent.add(batch(i, 10));
            producer.sendBody("seda:tag-reads?size=10000&blockWhenFull=true", sent.get(i));
        }
        camel.getRouteController().startRoute("smoothing-ingress");
        awaitBatches(100);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).containsExactlyElementsOf(sent);
    }

    @Test
    void oneCallTakesNoMoreReadsThanTheBoundAndNothingIsLeftBehind() throws Exception {
        ProducerTemplate producer = startWithIngressStopped();
        List<TagReadBatch> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sent.add(batch(i, 500));
            producer.sendBody("seda:tag-reads?size=10000&blockWhenFull=true", sent.get(i));
        }
        camel.getRouteController().startRoute("smoothing-ingress");
        awaitBatches(30);
        // 500-read batches with a 4,096-read bound: 9 per call (the ninth crosses the bound), 30 = 9 + 9 + 9 + 3
        assertThat(calls).extracting(List::size).containsExactly(9, 9, 9, 3);
        assertThat(calls.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(sent);
    }
}
