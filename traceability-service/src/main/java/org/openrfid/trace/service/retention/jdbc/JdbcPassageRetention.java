package org.openrfid.trace.service.retention.jdbc;

import org.openrfid.trace.service.platform.sql.SqlDialect;
import org.openrfid.trace.service.retention.PassageRetention;
import org.openrfid.trace.service.retention.RetentionPolicy;

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
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies retention policies to stored passages. A passage's kind is that of the object its tag was
 * bound to at the passage's first-seen time ({@code tag_binding}); objects with a watchlist entry
 * active now are kept for the policy's longer watchlist period. On PostGIS, when every kind (and
 * unbound tags) has a DROP policy, a whole day partition goes at once (the cheap path) when the day
 * lies beyond the longest plain retention and the partition holds no passage of an object on a
 * watchlist now, or beyond the longest watchlist retention anyway. The rest is deleted or anonymised
 * row by row, one day per transaction so no statement holds locks on months of rows. Kinds without a
 * policy are kept.
 */
public final class JdbcPassageRetention implements PassageRetention {

    private static final Logger log = LoggerFactory.getLogger(JdbcPassageRetention.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SqlDialect dialect;
    private final Clock clock;

    JdbcPassageRetention(JdbcTemplate jdbc, TransactionTemplate tx, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.dialect = dialect;
        this.clock = clock;
    }

    public static JdbcPassageRetention create(DataSource dataSource, TransactionTemplate tx, Clock clock) {
        return new JdbcPassageRetention(new JdbcTemplate(dataSource), tx, SqlDialect.of(dataSource), clock);
    }

    @Override
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
        int dropped = dialect.partitionsPassagesByDay() ? dropPartitions(policies, now, unbound && seen.size() == ObjectKind.values().length) : 0;
        long deleted = 0;
        long anonymised = 0;
        for (RetentionPolicy p : policies) {
            for (boolean watched : new boolean[] {false, true}) {
                Instant cutoff = now.minus(Duration.ofDays(watched ? p.watchlistedKeepDays() : p.keepDays()));
                long n = 0;
                // One UTC day per transaction (on PostGIS one partition), oldest first, up to the cutoff;
                // days without passages are skipped through the time index.
                Instant from = Instant.parse("1900-01-01T00:00:00Z");
                while ((from = nextDayWithPassages(from, cutoff)) != null) {
                    Instant dayFrom = from;
                    Instant dayTo = min(from.plus(Duration.ofDays(1)), cutoff);
                    n += tx.execute(status -> run(p, watched, dayFrom, dayTo, now));
                    from = dayTo;
                }
                if (p.action() == RetentionPolicy.Action.DROP) {
                    deleted += n;
                } else {
                    anonymised += n;
                }
            }
        }
        log.debug("Retention: {} partitions dropped, {} passages deleted, {} anonymised", dropped, deleted, anonymised);
        return new Result(dropped, deleted, anonymised);
    }

    /** The start of the first UTC day at or after {@code from} holding a passage before {@code cutoff}, or null. */
    private Instant nextDayWithPassages(Instant from, Instant cutoff) {
        if (!from.isBefore(cutoff)) {
            return null;
        }
        Timestamp next = jdbc.queryForObject("SELECT MIN(first_seen) FROM passage WHERE first_seen >= ? AND first_seen < ?",
                Timestamp.class, Timestamp.from(from), Timestamp.from(cutoff));
        if (next == null) {
            return null;
        }
        Instant day = startOfDay(next.toInstant());
        return day.isBefore(from) ? from : day;
    }

    private static Instant startOfDay(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Applies one policy to passages first seen in [from, to), watchlisted objects' or the others'. */
    private long run(RetentionPolicy p, boolean watched, Instant from, Instant to, Instant now) {
        if (dialect == SqlDialect.POSTGIS) {
            // A day of a city's passages may take longer than the connections' statement timeout
            // (application-postgis.yml); this transaction alone runs without it.
            jdbc.execute("SET LOCAL statement_timeout = 0");
        }
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
        args.add(Timestamp.from(from));
        args.add(Timestamp.from(to));
        if (p.action() == RetentionPolicy.Action.DROP) {
            return jdbc.update("DELETE FROM passage WHERE " + where + " AND passage.first_seen >= ? AND passage.first_seen < ?", args.toArray());
        }
        args.add(ANONYMOUS_EPC);
        // The object id names the vehicle or item as surely as the EPC does, and so does the TID (the chip's serial);
        // the kind stays, so flows still count it.
        return jdbc.update("UPDATE passage SET epc_hex = '" + ANONYMOUS_EPC + "', epc_bits = 96, tag_uri = NULL, object_id = NULL,"
                + " tid = NULL, tid_other = NULL WHERE " + where
                + " AND passage.first_seen >= ? AND passage.first_seen < ? AND passage.epc_hex <> ?", args.toArray());
    }

    /**
     * Drops day partitions whose every row the policies would delete anyway, when every kind has a DROP
     * policy: beyond the longest watchlist period outright; beyond the longest plain period when the
     * partition holds no passage of an object on a watchlist now. The check and the drop share one
     * transaction holding the partition's exclusive lock, so no row slips in between.
     */
    private int dropPartitions(List<RetentionPolicy> policies, Instant now, boolean everyKindCovered) {
        if (!everyKindCovered || policies.stream().anyMatch(p -> p.action() != RetentionPolicy.Action.DROP)) {
            return 0;
        }
        int longestPlain = policies.stream().mapToInt(RetentionPolicy::keepDays).max().orElseThrow();
        int longestWatched = policies.stream().mapToInt(RetentionPolicy::watchlistedKeepDays).max().orElseThrow();
        LocalDate plainHorizon = now.minus(Duration.ofDays(longestPlain)).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate watchedHorizon = now.minus(Duration.ofDays(longestWatched)).atZone(ZoneOffset.UTC).toLocalDate();
        List<String> partitions = jdbc.queryForList("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = 'passage'::regclass", String.class);
        int dropped = 0;
        for (String name : partitions.stream().sorted().collect(Collectors.toList())) {
            if (!name.matches("passage_[0-9]{8}")) {
                continue;
            }
            LocalDate day = LocalDate.parse(name.substring(8), SUFFIX);
            // The partition holds [day, day + 1); the horizon's own day may hold rows still kept.
            if (day.plusDays(1).isAfter(plainHorizon)) {
                continue;
            }
            boolean beyondAll = !day.plusDays(1).isAfter(watchedHorizon);
            Boolean done = tx.execute(status -> {
                jdbc.execute("LOCK TABLE " + name + " IN ACCESS EXCLUSIVE MODE");
                if (!beyondAll && holdsWatchlisted(name, now)) {
                    return false;
                }
                jdbc.execute("DROP TABLE " + name);
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                dropped++;
                log.info("Retention: dropped partition {} ({})", name, beyondAll ? "every row older than " + longestWatched + " days"
                        : "every row older than " + longestPlain + " days, no watchlisted object's passages");
            }
        }
        return dropped;
    }

    private boolean holdsWatchlisted(String partition, Instant now) {
        Timestamp t = Timestamp.from(now);
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + partition + " p"
                + " JOIN tag_binding b ON b.epc_hex = p.epc_hex AND b.valid_from <= p.first_seen"
                + " AND (b.valid_to IS NULL OR b.valid_to > p.first_seen)"
                + " JOIN watchlist_entry w ON w.object_kind = b.object_kind AND w.object_id = b.object_id"
                + " AND w.valid_from <= ? AND (w.valid_to IS NULL OR w.valid_to > ?))", Boolean.class, t, t));
    }
}
