package org.openrfid.trace.service.passage.spool;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code rfid.pipeline.spool.*}: where passage batches wait while the store is unavailable.
 *
 * @param dir           the spool directory; default {@code ${RFID_DATA_DIR:./data}/spool}
 * @param maxBytes      the bound; a full spool blocks the store route (backpressure), never drops
 * @param maxRetryDelay the longest wait between replay attempts (the first is
 *                      {@code rfid.pipeline.store-retry-delay}, doubling up to this)
 */
@ConfigurationProperties("rfid.pipeline.spool")
public record SpoolProperties(
        String dir,
        @DefaultValue("1GB") DataSize maxBytes,
        @DefaultValue("30s") Duration maxRetryDelay) {

    public static final String DEFAULT_DIR = "${RFID_DATA_DIR:./data}/spool";

    /** The directory, with the default resolved by {@code resolver} (the Spring environment's placeholders). */
    public Path directory(java.util.function.UnaryOperator<String> resolver) {
        return Path.of(resolver.apply(dir == null || dir.isBlank() ? DEFAULT_DIR : dir));
    }
}
