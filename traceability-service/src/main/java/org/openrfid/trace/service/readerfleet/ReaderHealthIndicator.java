package org.openrfid.trace.service.readerfleet;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.openrfid.trace.reader.ReaderState;
import org.openrfid.trace.reader.ReaderStatus;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Reader connections in {@code /actuator/health}, for the readers this member holds (in a cluster each
 * member reports its share): UP when every one is connected, DEGRADED (still HTTP 200: the node works for
 * the other readers) when some are not or one keeps dropping right after set-up (flapping), DOWN when it
 * holds readers and none is connected. {@code configured}
 * counts the cluster's readers, {@code held} this member's.
 */
class ReaderHealthIndicator extends AbstractHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "some readers are not connected");

    private final ReaderConnections connections;

    ReaderHealthIndicator(ReaderConnections connections) {
        super("reader health check failed");
        this.connections = connections;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Collection<String> readers = new TreeSet<>(connections.heldHere());
        Map<String, Object> details = new LinkedHashMap<>();
        int connected = 0;
        boolean anyFlapping = false;
        for (String reader : readers) {
            ReaderStatus status = connections.status(reader).orElse(null);
            ReaderState state = status == null ? ReaderState.CONNECTING : status.state();
            if (state == ReaderState.CONNECTED) {
                connected++;
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("state", state.name());
            if (status != null && status.lastError() != null) {
                one.put("lastError", status.lastError());
            }
            if (status != null && status.flaps() > 0) {
                one.put("flaps", status.flaps());
                one.put("flapping", status.flapping());
                anyFlapping |= status.flapping();
            }
            details.put(reader, one);
        }
        builder.withDetail("configured", connections.all().size()).withDetail("held", readers.size()).withDetail("connected", connected).withDetail("readers", details);
        // A reader that keeps dropping right after set-up is connected now and then: DEGRADED, not UP.
        if (connected == readers.size() && !anyFlapping) {
            builder.up();
        } else if (connected == 0) {
            builder.down();
        } else {
            builder.status(DEGRADED);
        }
    }
}
