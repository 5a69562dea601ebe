package org.openrfid.trace.service.alert.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.openrfid.trace.service.alert.Alert;
import org.openrfid.trace.service.alert.AlertEvent;
import org.openrfid.trace.service.alert.AlertListener;
import org.openrfid.trace.service.alert.AlertStatus;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.LocalAlertEvents;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.registry.binding.ObjectKind;

/** A stand-in for the alert service in delivery tests: {@link #raise} pushes an event to every subscriber, as the service does after storing it. */
public final class TestAlertEvents implements LocalAlertEvents {

    public static final Instant T0 = Instant.parse("2026-03-01T08:15:30.250Z");

    private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();

    @Override
    public void subscribe(AlertListener listener) {
        listeners.add(listener);
    }

    public int subscribers() {
        return listeners.size();
    }

    public AlertEvent raise(AlertType type) {
        long n = seq.incrementAndGet();
        return push(new AlertEvent(n, AlertEvent.Kind.RAISED, alert(100 + n, type)));
    }

    public AlertEvent push(AlertEvent event) {
        listeners.forEach(l -> l.onAlert(event));
        return event;
    }

    public static Alert alert(long id, AlertType type) {
        return new Alert(id, type, type.name().toLowerCase(java.util.Locale.ROOT), Severity.HIGH, AlertStatus.OPEN, T0, "gantry-7",
                ObjectKind.VEHICLE, "7d1e4a52-0000-4000-8000-000000000001", "3416451DA400000005F5E149", "京A12345",
                "Vehicle 京A12345 on watchlist STOLEN passed gantry-7", Map.of("list", "STOLEN", "rssi", -61), 0, T0,
                List.of(new Alert.Change(AlertStatus.OPEN, T0, "system", null)));
    }
}
