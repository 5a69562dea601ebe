package org.openrfid.trace.service.readerfleet;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openrfid.trace.reader.ReaderState;
import org.openrfid.trace.reader.ReaderStatus;

/**
 * Per-reader meters, tagged {@code reader}: {@code rfid.reader.state} (one gauge per state, 1 for the
 * current one — the Prometheus way to expose an enum), {@code rfid.reader.tag.reports} (counter) and
 * {@code rfid.reader.reads.per.second}. Meters appear and disappear with the connection on this member:
 * in a cluster, the member holding a reader exports its meters.
 */
class ReaderMetrics implements ReaderListener {

    private final MeterRegistry registry;
    private final ReaderConnections connections;
    private final Map<String, List<Meter>> meters = new ConcurrentHashMap<>();

    ReaderMetrics(MeterRegistry registry, ReaderConnections connections) {
        this.registry = registry;
        this.connections = connections;
    }

    @Override
    public void added(ReaderDefinition reader) {
        String id = reader.id();
        removed(id);
        List<Meter> list = new ArrayList<>();
        for (ReaderState state : ReaderState.values()) {
            list.add(Gauge.builder("rfid.reader.state", connections, c -> state == state(c, id) ? 1 : 0)
                    .description("1 when the reader's connection is in this state")
                    .tag("reader", id).tag("state", state.name())
                    .register(registry));
        }
        list.add(FunctionCounter.builder("rfid.reader.tag.reports", connections,
                        c -> c.status(id).map(ReaderStatus::tagReportsReceived).orElse(0L))
                .description("tag reports (TagReportData) received from the reader")
                .tag("reader", id)
                .register(registry));
        list.add(Gauge.builder("rfid.reader.reads.per.second", connections,
                        c -> c.status(id).map(ReaderStatus::readsPerSecond).orElse(0.0))
                .description("recent tag read rate")
                .tag("reader", id)
                .register(registry));
        meters.put(id, list);
    }

    @Override
    public void removed(String readerId) {
        List<Meter> list = meters.remove(readerId);
        if (list != null) {
            list.forEach(registry::remove);
        }
    }

    private static ReaderState state(ReaderConnections c, String id) {
        return c.status(id).map(ReaderStatus::state).orElse(ReaderState.CONNECTING);
    }
}
