package org.openrfid.trace.service.alert.engine;

import org.openrfid.trace.service.alert.AlertService;
import org.openrfid.trace.service.alert.AlertSink;
import org.openrfid.trace.service.alert.AlertType;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openrfid.trace.pipeline.SmoothingStage.TagArrival;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleDefinitions;
import org.openrfid.trace.service.alert.rule.RuleFactory;
import org.openrfid.trace.service.anpr.PlateRead;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every enabled rule over what this member stores and hears: one thread, so rules keep state
 * without locks; fed through a bounded queue, so storing passages never waits for a rule (what does
 * not fit is counted in {@code rfid.alerts.engine.dropped}). Rules are reloaded from the store within
 * a second of a change on any member; a rule whose definition did not change keeps its state.
 */
public final class RuleEngine implements AutoCloseable {

    /** Default debounce: one alert per rule and subject within this window ({@code params.debounce} overrides). */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

    private final Map<AlertType, RuleFactory> factories = new EnumMap<>(AlertType.class);
    private final RuleDefinitions definitions;
    private final AlertService alerts;
    private final Clock clock;
    private final BlockingQueue<Object> inbox;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong evaluated = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final MeterRegistry meters;
    private volatile Map<String, Running> rules = Map.of();
    private volatile boolean running = true;
    private long loadedVersion = -1;

    private record Running(RuleDefinition definition, Rule rule, AlertSink sink) {
    }

    public RuleEngine(List<RuleFactory> factories, RuleDefinitions definitions, AlertService alerts, Clock clock, int queueSize,
                      MeterRegistry meters) {
        for (RuleFactory f : factories) {
            if (this.factories.put(f.type(), f) != null) {
                throw new IllegalStateException("two rule factories for " + f.type());
            }
        }
        this.definitions = definitions;
        this.alerts = alerts;
        this.clock = clock;
        this.meters = meters;
        this.inbox = new ArrayBlockingQueue<>(queueSize);
        Gauge.builder("rfid.alerts.engine.queue", inbox, BlockingQueue::size).description("batches waiting for the rule engine").register(meters);
        Gauge.builder("rfid.alerts.engine.dropped", dropped, AtomicLong::get).description("batches the rule engine had no room for").register(meters);
        Gauge.builder("rfid.alerts.engine.evaluated", evaluated, AtomicLong::get).description("passages the rules looked at").register(meters);
        this.thread = new Thread(this::run, "rule-engine");
        thread.setDaemon(true);
    }

    /** Adds the factories' default rules never seen before, loads the rules and starts the engine thread. */
    public RuleEngine start() {
        List<RuleDefinition> defaults = new ArrayList<>();
        factories.values().forEach(f -> defaults.addAll(f.defaults()));
        int added = definitions.seed(defaults);
        if (added > 0) {
            log.info("Rule engine: {} default rules added", added);
        }
        reloadIfChanged();
        thread.start();
        return this;
    }

    /** Checks a definition as the engine would build it: IllegalArgumentException naming the field when it is bad. */
    public void validate(RuleDefinition definition) {
        RuleFactory f = factories.get(definition.type());
        if (f == null) {
            throw new IllegalArgumentException("type: no rule of type " + definition.type() + " is available in this build");
        }
        f.create(definition);
        debounce(definition);
    }

    public void passages(List<EnrichedPassage> batch) {
        offer(batch);
    }

    public void arrivals(List<TagArrival> batch) {
        offer(new Arrivals(batch));
    }

    public void plateReads(List<PlateRead> batch) {
        offer(new Plates(batch));
    }

    private record Arrivals(List<TagArrival> batch) {
    }

    private record Plates(List<PlateRead> batch) {
    }

    private void offer(Object work) {
        if (!inbox.offer(work) && dropped.incrementAndGet() % 1_000 == 1) {
            log.warn("Rule engine queue is full: {} batches dropped so far (the passages are stored; their alerts are not raised)", dropped.get());
        }
    }

    /** The rules running now, by id. */
    public List<RuleDefinition> running() {
        return rules.values().stream().map(Running::definition).toList();
    }

    @SuppressWarnings("unchecked")
    private void run() {
        long nextTick = clock.millis() + 1_000;
        while (running) {
            try {
                Object work = inbox.poll(Math.max(1, nextTick - clock.millis()), TimeUnit.MILLISECONDS);
                if (work instanceof List<?> passages) {
                    for (Running r : rules.values()) {
                        for (Object p : passages) {
                            call(r, () -> r.rule().onPassage((EnrichedPassage) p, r.sink()));
                        }
                    }
                    evaluated.addAndGet(passages.size());
                } else if (work instanceof Arrivals a) {
                    for (Running r : rules.values()) {
                        for (TagArrival t : a.batch()) {
                            call(r, () -> r.rule().onArrival(t, r.sink()));
                        }
                    }
                } else if (work instanceof Plates p) {
                    for (Running r : rules.values()) {
                        for (PlateRead read : p.batch()) {
                            call(r, () -> r.rule().onPlateRead(read, r.sink()));
                        }
                    }
                }
                if (clock.millis() >= nextTick) {
                    nextTick = clock.millis() + 1_000;
                    Instant now = clock.instant();
                    for (Running r : rules.values()) {
                        call(r, () -> r.rule().onTick(now, r.sink()));
                    }
                    reloadIfChanged();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Rule engine step failed: {}", e.toString());
            }
        }
    }

    private void call(Running r, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            if (failures.incrementAndGet() % 100 == 1) {
                log.warn("Rule {} failed ({} failures so far): {}", r.definition().id(), failures.get(), e.toString());
            }
            Counter.builder("rfid.alerts.rule.failures").tag("rule", r.definition().id()).register(meters).increment();
        }
    }

    /** Reloads the rules when their version moved (any member's change); unchanged rules keep their state. */
    void reloadIfChanged() {
        long version;
        try {
            version = definitions.version();
        } catch (RuntimeException e) {
            log.debug("Rule store unavailable, keeping the rules: {}", e.toString());
            return;
        }
        if (version == loadedVersion) {
            return;
        }
        Map<String, Running> next = new LinkedHashMap<>();
        Map<String, Running> current = rules;
        for (RuleDefinition d : definitions.all()) {
            if (!d.enabled()) {
                continue;
            }
            Running kept = current.get(d.id());
            if (kept != null && kept.definition().equals(d)) {
                next.put(d.id(), kept);
                continue;
            }
            RuleFactory f = factories.get(d.type());
            if (f == null) {
                log.warn("Rule {}: no rule of type {} in this build; skipped", d.id(), d.type());
                continue;
            }
            try {
                Duration debounce = debounce(d);
                next.put(d.id(), new Running(d, f.create(d), c -> alerts.raise(c, debounce)));
            } catch (RuntimeException e) {
                log.warn("Rule {} is not valid and does not run: {}", d.id(), e.getMessage());
            }
        }
        rules = Map.copyOf(next);
        loadedVersion = version;
        log.info("Rule engine: {} rules running ({})", next.size(), String.join(", ", next.keySet()));
    }

    private static Duration debounce(RuleDefinition d) {
        return d.p().duration("debounce", DEFAULT_DEBOUNCE, Duration.ZERO, Duration.ofDays(7));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
