package org.openrfid.trace.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.openrfid.trace.registry.binding.ObjectKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies retention policies to stored passages. A passage's kind is that of the object its tag was
 * bound to at the passage's time; objects with a watchlist entry active now are kept for the policy's
 * longer watchlist period. On PostGIS, whole day partitions are dropped when every policy drops and
 * the day lies beyond the longest retention of all (the cheap path); the rest is deleted or
 * anonymised row by row. Kinds without a policy are kept.
 */
public final class PassageRetention {

    private static final Logger log = LoggerFactory.getLogger(PassageRetention.class);
    /** What anonymised passages carry instead of their EPC: the all-zero 96-bit EPC. */
    public static final String ANONYMOUS_EPC = "000000000000000000000000";
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** What one run did. */
    public record Result(int partitionsDropped, long deleted, long anonymised) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SqlDialect dialect;
    private final Clock clock;

    PassageRetention(JdbcTemplate jdbc, TransactionTemplate tx, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.dialect = dialect;
        this.clock = clock;
    }

    public static PassageRetention create(DataSource dataSource, TransactionTemplate tx, Clock clock) {
        return new PassageRetention(new JdbcTemplate(dataSource), tx, SqlDialect.of(dataSource), clock);
    }

    public Result apply(List<RetentionPolicy> policies) {
        Set<ObjectKind> seen = new HashSet<>();
        boolean unbound = false;
        for (RetentionPolicy p : policies) {
            if (p.kind() == null ? unbound : !seen.add(p.kind())) {
                throw new IllegalArgumentException("two retention policies for " + (p.kind() == null ? "unbound tags" : p.kind()));
            }
            unbound |= p.kind() == null;
        }
        Instant now = clock.instant();
        int dropped = dialect == SqlDialect.POSTGIS ? dropPartitions(policies, now, unbound && seen.size() == ObjectKind.values().length) : 0;
        long deleted = 0;
        long anonymised = 0;
        for (RetentionPolicy p : policies) {
            for (boolean watched : new boolean[] {false, true}) {
                Instant cutoff = now.minus(Duration.ofDays(watched ? p.watchlistedKeepDays() : p.keepDays()));
                long n = tx.execute(status -> run(p, watched, cutoff, now));
                if (p.action() == RetentionPolicy.Action.DROP) {
                    deleted += n;
                } else {
                    anonymised += n;
                }
            }
        }
        log.info("Retention: {} partitions dropped, {} passages deleted, {} anonymised", dropped, deleted, anonymised);
        return new Result(dropped, deleted, anonymised);
    }

    private long run(RetentionPolicy p, boolean watched, Instant cutoff, Instant now) {
        List<Object> args = new ArrayList<>();
        String where;
        if (p.kind() == null) {
            if (watched) {
                return 0; // objects are watchlisted, unbound tags are not
            }
            // Anonymised passages are bound to nothing either: they stay (for flows) until their partition goes.
            where = "passage.epc_hex <> '" + ANONYMOUS_EPC + "' AND NOT EXISTS (SELECT 1 FROM tag_binding b"
                    + " WHERE b.epc_hex = passage.epc_hex AND b.valid_from <= passage.first_seen"
                    + " AND (b.valid_to IS NULL OR b.valid_to > passage.first_seen))";
        } else {
            where = "EXISTS (SELECT 1 FROM tag_binding b WHERE b.epc_hex = passage.epc_hex AND b.object_kind = ?"
                    + " AND b.valid_from <= passage.first_seen AND (b.valid_to IS NULL OR b.valid_to > passage.first_seen) AND "
                    + (watched ? "" : "NOT ") + "EXISTS (SELECT 1 FROM watchlist_entry w WHERE w.object_kind = b.object_kind"
                    + " AND w.object_id = b.object_id AND w.valid_from <= ? AND (w.valid_to IS NULL OR w.valid_to > ?)))";
            args.add(p.kind().name());
            args.add(Timestamp.from(now));
            args.add(Timestamp.from(now));
        }
        args.add(Timestamp.from(cutoff));
        if (p.action() == RetentionPolicy.Action.DROP) {
            return jdbc.update("DELETE FROM passage WHERE " + where + " AND passage.first_seen < ?", args.toArray());
        }
        args.add(ANONYMOUS_EPC);
        return jdbc.update("UPDATE passage SET epc_hex = '" + ANONYMOUS_EPC + "', epc_bits = 96, tag_uri = NULL WHERE " + where
                + " AND passage.first_seen < ? AND passage.epc_hex <> ?", args.toArray());
    }

    /** Drops day partitions wholly beyond every policy's longest period, when every kind has a DROP policy. */
    private int dropPartitions(List<RetentionPolicy> policies, Instant now, boolean everyKindCovered) {
        if (!everyKindCovered || policies.stream().anyMatch(p -> p.action() != RetentionPolicy.Action.DROP)) {
            return 0;
        }
        int longest = policies.stream().mapToInt(RetentionPolicy::watchlistedKeepDays).max().orElseThrow();
        LocalDate horizon = now.minus(Duration.ofDays(longest)).atZone(ZoneOffset.UTC).toLocalDate();
        List<String> partitions = jdbc.queryForList("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = 'passage'::regclass", String.class);
        int dropped = 0;
        for (String name : partitions.stream().sorted().collect(Collectors.toList())) {
            if (!name.matches("passage_[0-9]{8}")) {
                continue;
            }
            LocalDate day = LocalDate.parse(name.substring(8), SUFFIX);
            // The partition holds [day, day + 1); the horizon's own day may hold rows still kept.
            if (!day.plusDays(1).isAfter(horizon)) {
                jdbc.execute("DROP TABLE " + name);
                dropped++;
                log.info("Retention: dropped partition {} (every row older than {} days)", name, longest);
            }
        }
        return dropped;
    }
}
