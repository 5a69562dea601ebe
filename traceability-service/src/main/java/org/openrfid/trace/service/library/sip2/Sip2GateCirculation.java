package org.openrfid.trace.service.library.sip2;

import java.util.concurrent.atomic.AtomicLong;
import org.openrfid.trace.service.library.GateCirculation;
import org.openrfid.trace.service.registry.library.LibraryItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate asks the library system: its circulation status decides whether an item may leave. When it
 * does not answer in time, answers badly, or gives a status that says nothing about leaving, the
 * registry's own status decides, as it would without SIP2.
 */
public class Sip2GateCirculation implements GateCirculation {

    private static final Logger log = LoggerFactory.getLogger(Sip2GateCirculation.class);

    private final Sip2Client client;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong fellBack = new AtomicLong();

    public Sip2GateCirculation(Sip2Client client) {
        this.client = client;
    }

    @Override
    public String loanStatus(LibraryItem item) {
        String status = client.itemInformation(item.itemId()).map(ItemInformation::loanStatus).orElse(null);
        if (status == null) {
            long n = fellBack.incrementAndGet();
            if (n == 1 || n % 100 == 0) {
                log.warn("SIP2 gave no usable circulation status for item {} ({} times so far); the registry's '{}' decides",
                        item.itemId(), n, item.loanStatus());
            }
            return item.loanStatus();
        }
        answered.incrementAndGet();
        return status;
    }

    /** Gate checks the library system answered. */
    public long answered() {
        return answered.get();
    }

    /** Gate checks decided by the registry's status because the library system did not answer usefully. */
    public long fellBack() {
        return fellBack.get();
    }
}
