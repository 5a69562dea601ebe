package org.openrfid.trace.web.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Statistic;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openrfid.trace.web.console.ConsoleZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Samples the pipeline's Micrometer meters every {@code every} (reads into smoothing per second,
 * {@code rfid_reads_in_total}; passages completed per second, {@code rfid_passages_out_total}; the lag,
 * {@code rfid_pipeline_lag_seconds}), keeps the last {@code window} of samples in a {@link SampleRing} for
 * the system page to draw, and pushes each new sample to the open pages as {@code event: sample} (server-sent
 * events, no polling). Sampling costs three meter look-ups whether a page is open or not, so the chart has a
 * history when one opens.
 */
public class PipelineSampler implements AutoCloseable {

    static final String READS_IN = "rfid.reads.in";
    static final String PASSAGES_OUT = "rfid.passages.out";
    static final String LAG = "rfid.pipeline.lag";

    private static final Logger log = LoggerFactory.getLogger(PipelineSampler.class);

    private final MeterRegistry meters;
    private final Clock clock;
    private final ConsoleZone zone;
    private final ObjectMapper json;
    private final SampleRing ring;
    private final List<SseEmitter> pages = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "system-page-sampler");
        t.setDaemon(true);
        return t;
    });
    private Instant lastAt;
    private double lastReads = Double.NaN;
    private double lastPassages = Double.NaN;

    public PipelineSampler(MeterRegistry meters, Clock clock, ConsoleZone zone, ObjectMapper json, Duration every, Duration window) {
        this.meters = meters;
        this.clock = clock;
        this.zone = zone;
        this.json = json;
        this.ring = new SampleRing((int) Math.max(1, window.toMillis() / every.toMillis()));
        ticker.scheduleWithFixedDelay(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The samples held, oldest first. */
    public List<PipelineSample> samples() {
        return ring.samples();
    }

    /** The samples held as the page's chart reads them (a JSON array). */
    public String samplesJson() {
        try {
            return json.writeValueAsString(ring.samples().stream().map(this::point).toList());
        } catch (IOException e) {
            return "[]";
        }
    }

    public void open(SseEmitter page) throws IOException {
        page.onCompletion(() -> pages.remove(page));
        page.onTimeout(() -> pages.remove(page));
        page.onError(e -> pages.remove(page));
        // a first comment, so the browser's EventSource opens at once
        page.send(SseEmitter.event().comment("samples"));
        pages.add(page);
    }

    int pageCount() {
        return pages.size();
    }

    /** One sample now; rates are per second since the previous one (none before the second sample). */
    synchronized void tick() {
        try {
            Instant now = clock.instant();
            double reads = count(READS_IN);
            double passages = count(PASSAGES_OUT);
            double lag = value(LAG);
            if (lastAt != null) {
                double seconds = Math.max(0.001, Duration.between(lastAt, now).toMillis() / 1000.0);
                PipelineSample sample = new PipelineSample(now, rate(reads, lastReads, seconds), rate(passages, lastPassages, seconds),
                        Double.isNaN(lag) ? 0 : lag);
                ring.add(sample);
                send(sample);
            }
            lastAt = now;
            lastReads = reads;
            lastPassages = passages;
        } catch (RuntimeException e) {
            log.debug("Pipeline sample not taken: {}", e.toString());
        }
    }

    private void send(PipelineSample sample) {
        if (pages.isEmpty()) {
            return;
        }
        String data;
        try {
            data = json.writeValueAsString(point(sample));
        } catch (IOException e) {
            return;
        }
        for (SseEmitter page : pages) {
            try {
                page.send(SseEmitter.event().name("sample").data(data, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                pages.remove(page); // the page went away
            }
        }
    }

    private Map<String, Object> point(PipelineSample s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("at", s.at().toString());
        p.put("label", zone.time(s.at()));
        p.put("reads", round(s.readsPerSecond()));
        p.put("passages", round(s.passagesPerSecond()));
        p.put("lag", Math.round(s.lagSeconds() * 1000) / 1000.0);
        return p;
    }

    /** A counter that went back (a meter registered anew) counts as a fresh start, not a negative rate. */
    private static double rate(double now, double before, double seconds) {
        if (Double.isNaN(now) || Double.isNaN(before)) {
            return 0;
        }
        return now >= before ? (now - before) / seconds : now / seconds;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private double count(String name) {
        return statistic(name, Statistic.COUNT, Statistic.TOTAL);
    }

    private double value(String name) {
        return statistic(name, Statistic.VALUE, Statistic.VALUE);
    }

    /** Summed over the meter's tags (there are none on these today). */
    private double statistic(String name, Statistic one, Statistic other) {
        double sum = Double.NaN;
        for (Meter m : meters.find(name).meters()) {
            for (Measurement measurement : m.measure()) {
                if (measurement.getStatistic() == one || measurement.getStatistic() == other) {
                    sum = (Double.isNaN(sum) ? 0 : sum) + measurement.getValue();
                }
            }
        }
        return sum;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        pages.forEach(SseEmitter::complete);
        pages.clear();
    }
}
