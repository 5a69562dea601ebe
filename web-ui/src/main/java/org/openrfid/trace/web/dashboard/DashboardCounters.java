package org.openrfid.trace.web.dashboard;

import java.util.Map;
import java.util.TreeMap;
import org.openrfid.trace.service.alert.AlertStatus;
import org.openrfid.trace.service.alert.Alerts;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.openrfid.trace.reader.ReaderState;

/**
 * The dashboard's counters for one user: passages per minute of the kinds they see, readers connected
 * and not (this member's share of the fleet: in a cluster each member holds some readers), and the
 * open alerts they may see (counted up to {@value #ALERTS_COUNTED}).
 */
public class DashboardCounters {

    static final int ALERTS_COUNTED = 999;

    /** @param openAlerts up to {@value #ALERTS_COUNTED}; {@code openAlertsMore} when there are more */
    public record Counts(Map<String, Long> perMinute, int readersUp, int readersDown, int openAlerts, boolean openAlertsMore) {
    }

    private final PassageRates rates;
    private final ReaderConnections readers;
    private final Alerts alerts;

    public DashboardCounters(PassageRates rates, ReaderConnections readers, Alerts alerts) {
        this.rates = rates;
        this.readers = readers;
        this.alerts = alerts;
    }

    public Counts of(Scope scope) {
        Map<String, Long> perMinute = new TreeMap<>();
        rates.lastMinute().forEach((kind, n) -> {
            if (scope.sees(kind)) {
                perMinute.put(kind, n);
            }
        });
        int up = 0;
        int down = 0;
        for (String id : readers.heldHere()) {
            boolean connected = readers.status(id).map(s -> s.state() == ReaderState.CONNECTED).orElse(false);
            if (connected) {
                up++;
            } else {
                down++;
            }
        }
        int open = alerts.page(new Alerts.Filter(AlertStatus.OPEN, null, null, null, null, null,
                scope.unlimited() ? null : scope.kinds(), scope.unlimited() ? null : scope.onlyAt(), null, 0, ALERTS_COUNTED + 1)).size();
        return new Counts(perMinute, up, down, Math.min(open, ALERTS_COUNTED), open > ALERTS_COUNTED);
    }
}
