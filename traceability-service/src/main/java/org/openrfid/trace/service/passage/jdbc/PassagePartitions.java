package org.openrfid.trace.service.passage.jdbc;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creates PostGIS day partitions of the passage table ahead of time (UTC days), so ingest never
 * lands in the default partition in normal operation. Idempotent; run at start and daily.
 */
public class PassagePartitions {

    private static final Logger log = LoggerFactory.getLogger(PassagePartitions.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PassagePartitions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Ensures partitions from {@code daysBack} days ago to {@code daysAhead} days ahead exist. */
    public void ensure(int daysBack, int daysAhead) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (int d = -daysBack; d <= daysAhead; d++) {
            LocalDate day = today.plusDays(d);
            String name = "passage_" + SUFFIX.format(day);
            try {
                jdbc.execute("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF passage FOR VALUES FROM ('"
                        + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')");
            } catch (RuntimeException e) {
                // Rows for that day already sit in the default partition: leave them there, say so.
                log.warn("Could not create passage partition {}: {}", name, e.getMessage());
            }
        }
    }
}
