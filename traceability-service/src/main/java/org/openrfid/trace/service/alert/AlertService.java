package org.openrfid.trace.service.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises alerts once per rule, subject and debounce window (the store decides, so members racing
 * still raise once), changes their status with history, and tells this member's listeners (outbound
 * delivery) of each event once it is stored.
 */
public class AlertService implements LocalAlertEvents {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final Alerts alerts;
    private final Clock clock;
    private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
    private final MeterRegistry meters;

    public AlertService(Alerts alerts, Clock clock, MeterRegistry meters) {
        this.alerts = alerts;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void subscribe(AlertListener listener) {
        listeners.add(listener);
    }

    /** @return the new alert's event, or empty when it repeated one within the debounce window */
    public Optional<AlertEvent> raise(AlertCandidate candidate, Duration debounce) {
        Optional<AlertEvent> event = alerts.raise(candidate, debounce);
        Counter.builder("rfid.alerts.raised").tag("type", candidate.type().name()).tag("outcome", event.isPresent() ? "new" : "repeat")
                .description("alert candidates from the rules: new alerts and repeats within the debounce window").register(meters).increment();
        event.ifPresent(this::tell);
        return event;
    }

    public AlertEvent acknowledge(long id, String by, String comment) {
        return change(id, AlertStatus.ACKNOWLEDGED, by, comment);
    }

    public AlertEvent close(long id, String by, String comment) {
        return change(id, AlertStatus.CLOSED, by, comment);
    }

    private AlertEvent change(long id, AlertStatus status, String by, String comment) {
        AlertEvent event = alerts.change(id, status, by, comment, clock.instant())
                .orElseThrow(() -> new UnknownAlertException(id));
        tell(event);
        return event;
    }

    private void tell(AlertEvent event) {
        for (AlertListener l : listeners) {
            try {
                l.onAlert(event);
            } catch (RuntimeException e) {
                log.warn("Alert listener failed on alert {}: {}", event.alert().id(), e.toString());
            }
        }
    }

    /** No alert with this id. */
    public static final class UnknownAlertException extends RuntimeException {
        public UnknownAlertException(long id) {
            super("no alert " + id);
        }
    }
}
