package org.openrfid.trace.service.passage.spool;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The passage store path in {@code /actuator/health} (component {@code passageStore}): UP while batches
 * go straight to the store; DEGRADED (HTTP 200: nothing is lost, reads are still taken) while batches
 * wait in the spool, because the store is away or the spool is still being replayed; DOWN (503) while
 * the spool cannot take more, full to its bound or refused by the disk ({@code outOfSpace}), so the
 * store route is held and the pipeline's queues back up to the readers.
 */
public final class PassageStoreHealthIndicator extends AbstractHealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED", "passages wait in the spool for the store");

    private final SpoolingPassageWriter writer;

    public PassageStoreHealthIndicator(SpoolingPassageWriter writer) {
        super("passage store health check failed");
        this.writer = writer;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        PassageSpool spool = writer.spool();
        boolean outOfSpace = spool.isOutOfSpace();
        boolean full = spool.isBlocked();
        int batches = spool.batches();
        builder.withDetail("spooledBatches", batches).withDetail("spooledBytes", spool.bytes()).withDetail("maxBytes", spool.maxBytes())
                .withDetail("full", full).withDetail("outOfSpace", outOfSpace).withDetail("storeFailures", writer.storeFailures())
                .withDetail("replayedBatches", writer.replayedBatches());
        if (outOfSpace || full) {
            builder.down();
        } else if (batches > 0) {
            builder.status(DEGRADED);
        } else {
            builder.up();
        }
    }
}
