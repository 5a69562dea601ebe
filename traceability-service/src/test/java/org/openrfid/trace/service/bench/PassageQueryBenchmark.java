package org.openrfid.trace.service.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Geometry;
import org.openrfid.trace.identity.FilterVariants;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.location.Areas;
import org.openrfid.trace.service.passage.PassageQueries;
import org.openrfid.trace.service.passage.TagWindow;
import org.openrfid.trace.service.passage.TimeOrder;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.testsupport.TestQueries;
import org.openrfid.trace.service.testsupport.TestStores;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Query latency on the database {@link PassageBenchLoader} fills ({@code rfid_bench}, 100 M passages),
 * through the product's own code: {@code JdbcPassageQueries} (the SQL of {@code /api/tags/history},
 * {@code /api/passages/at} and {@code /api/passages/within}) and {@code JdbcLocations.within} (the
 * polygon resolved to the locations it contains, as {@code /api/passages/within} does), on one
 * connection, pages of 100 (limit + 1 = 101 rows asked, as the controller asks). Times are client
 * side: JDBC round trip and row mapping included. Prints p50/p99/max per query and one
 * {@code EXPLAIN (ANALYZE, BUFFERS)} of the exact SQL and parameters the product sent.
 *
 * <ul>
 *   <li>tag history, warm: {@code --warm-tags} tags picked at random, queried until warm, then
 *       {@code --runs} queries over them;</li>
 *   <li>tag history, cold: {@code --runs} tags never queried before in this run, after
 *       {@code sync; echo 3 > /proc/sys/vm/drop_caches} when that is allowed ({@code --drop-caches},
 *       root only). PostgreSQL's own shared buffers cannot be emptied without a restart; they are
 *       small next to the data, and the tags are new, so their pages are very unlikely to be there;</li>
 *   <li>~10 locations (random checkpoints with their lanes, as {@code includeChildren=true}) × 10 minutes;</li>
 *   <li>a polygon (a random square of ±0.02° around a checkpoint) × 1 hour.</li>
 * </ul>
 *
 * <pre>
 * PassageQueryBenchmark [--db rfid_bench] [--runs 1000] [--warm-tags 100] [--seed 7] [--drop-caches]
 * </pre>
 */
public final class PassageQueryBenchmark {

    static final int PAGE = 100;

    public static void main(String[] args) throws Exception {
        String database = "rfid_bench";
        int runs = 1000;
        int warmTags = 100;
        long seed = 7;
        boolean dropCaches = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db" -> database = args[++i];
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warm-tags" -> warmTags = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--drop-caches" -> dropCaches = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --db NAME --runs N --warm-tags N --seed N --drop-caches");
            }
        }
        DataSource pg = BenchDatabase.dataSource(database);
        SingleConnectionDataSource ds = new SingleConnectionDataSource(pg.getConnection(), true);
        RecordingJdbcTemplate jdbc = new RecordingJdbcTemplate(ds);
        PassageQueries queries = TestQueries.passageQueries(jdbc);
        Locations locations = new TestStores(ds, new TransactionTemplate(new DataSourceTransactionManager(ds)), Clock.systemUTC()).locations;
        Random random = new Random(seed);

        Instant min;
        Instant max;
        long total;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT min(first_seen), max(first_seen), (SELECT sum(reltuples)::bigint FROM pg_class c"
                     + " JOIN pg_inherits i ON i.inhrelid = c.oid WHERE i.inhparent = 'passage'::regclass) FROM passage")) {
            rs.next();
            min = rs.getTimestamp(1).toInstant();
            max = rs.getTimestamp(2).toInstant();
            total = rs.getLong(3);
        }
        System.out.printf(Locale.ROOT, "%s: ~%,d passages (planner estimate) from %s to %s; %d runs per query, pages of %d%n",
                database, total, min, max, runs, PAGE);

        // Tags from a small random sample of one middle day (heap pages of that sample only).
        List<String> tags = sampleTags(ds, min.plus(Duration.between(min, max).dividedBy(2)), warmTags + runs, random);
        List<String> warm = tags.subList(0, warmTags);
        List<String> cold = tags.subList(warmTags, tags.size());
        List<Location> checkpoints = locations.all().stream().filter(l -> "checkpoint".equals(l.kind())).toList();
        System.out.printf(Locale.ROOT, "%,d distinct tags sampled (%d warm, %,d cold), %d checkpoints%n", tags.size(), warm.size(), cold.size(),
                checkpoints.size());

        List<String[]> table = new ArrayList<>();
        List<String> plans = new ArrayList<>();

        // Cold first, so nothing before has touched these tags' pages.
        if (dropCaches) {
            System.out.println("drop caches: " + dropOsCaches());
        }
        IntFunction<Integer> tagHistory = i -> queries.ofTags(asGiven(cold.get(i)), null, TimeOrder.OLDEST_FIRST, PAGE + 1).size();
        table.add(measure("tag history by hex, cold (" + (dropCaches ? "OS cache dropped" : "OS cache NOT dropped")
                + ", tags never queried before)", cold.size(), tagHistory));
        plans.add(explain(ds, "tag history, cold (last run)", jdbc));

        IntFunction<Integer> warmHistory = i -> queries.ofTags(asGiven(warm.get(i % warm.size())), null, TimeOrder.OLDEST_FIRST, PAGE + 1).size();
        for (int i = 0; i < warm.size() * 3; i++) {
            warmHistory.apply(i);
        }
        table.add(measure("tag history by hex, warm (" + warm.size() + " tags, as /tags/history?epc=<hex>)", runs,
                i -> warmHistory.apply(random.nextInt(warm.size()))));
        plans.add(explain(ds, "tag history, warm", jdbc));

        IntFunction<Integer> oneEpc = i -> queries.ofTags(variants(warm.get(i % warm.size())), null,
                TimeOrder.OLDEST_FIRST, PAGE + 1).size();
        for (int i = 0; i < warm.size(); i++) {
            oneEpc.apply(i);
        }
        table.add(measure("tag history by pure identity, warm (8 filter variants)", runs, i -> oneEpc.apply(random.nextInt(warm.size()))));
        plans.add(explain(ds, "tag history, pure identity", jdbc));

        // Locations × 10 minutes: the ids with their lanes resolved beforehand (registry lookups, not timed).
        long spanSeconds = Duration.between(min, max).toSeconds();
        List<Set<String>> idSets = new ArrayList<>();
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            List<Location> shuffled = new ArrayList<>(checkpoints);
            Collections.shuffle(shuffled, random);
            idSets.add(locations.withDescendants(shuffled.subList(0, 10).stream().map(Location::id).toList()));
            starts.add(min.plusSeconds((long) (random.nextDouble() * (spanSeconds - 600))));
        }
        IntFunction<Integer> atLocations = i -> queries.atLocations(idSets.get(i), starts.get(i), starts.get(i).plusSeconds(600), null,
                TimeOrder.OLDEST_FIRST, PAGE + 1).size();
        for (int i = 0; i < Math.min(100, runs); i++) {
            atLocations.apply(i);
        }
        table.add(measure("10 checkpoints (+ lanes, " + idSets.get(0).size() + " ids) × 10 min", runs, atLocations));
        plans.add(explain(ds, "10 locations × 10 minutes", jdbc));

        // Polygon × 1 hour: the polygon resolved to locations (timed), then the passages there.
        List<Geometry> polygons = new ArrayList<>();
        List<Instant> hourStarts = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Location centre = checkpoints.get(random.nextInt(checkpoints.size()));
            double d = 0.02;
            polygons.add(Areas.polygon(String.format(Locale.ROOT, "POLYGON((%f %f, %f %f, %f %f, %f %f, %f %f))",
                    centre.lon() - d, centre.lat() - d, centre.lon() + d, centre.lat() - d, centre.lon() + d, centre.lat() + d,
                    centre.lon() - d, centre.lat() + d, centre.lon() - d, centre.lat() - d)));
            hourStarts.add(min.plusSeconds((long) (random.nextDouble() * (spanSeconds - 3600))));
        }
        long[] inside = new long[1];
        IntFunction<Integer> within = i -> {
            Set<String> ids = locations.within(polygons.get(i)).stream().map(Location::id).collect(Collectors.toCollection(TreeSet::new));
            inside[0] += ids.size();
            return ids.isEmpty() ? 0 : queries.atLocations(ids, hourStarts.get(i), hourStarts.get(i).plusSeconds(3600), null,
                    TimeOrder.OLDEST_FIRST, PAGE + 1).size();
        };
        for (int i = 0; i < Math.min(100, runs); i++) {
            within.apply(i);
        }
        inside[0] = 0;
        table.add(measure("polygon (±0.02°) × 1 hour, via locations inside", runs, within));
        plans.add(explain(ds, "polygon × 1 hour (passage query; locations inside: " + inside[0] / runs + " on average)", jdbc));

        System.out.println();
        System.out.printf(Locale.ROOT, "| %-78s | %6s | %9s | %9s | %9s | %9s |%n", "query", "runs", "rows avg", "p50 ms", "p99 ms", "max ms");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%s|%n", "-".repeat(80), "-".repeat(8), "-".repeat(11), "-".repeat(11), "-".repeat(11),
                "-".repeat(11));
        for (String[] r : table) {
            System.out.printf(Locale.ROOT, "| %-78s | %6s | %9s | %9s | %9s | %9s |%n", (Object[]) r);
        }
        System.out.println();
        plans.forEach(System.out::println);
        ds.destroy();
    }

    /** The tag as {@code /api/tags/history?epc=<hex>} searches it: just that EPC. */
    private static List<TagWindow> asGiven(String hex) {
        return FilterVariants.ofInput(hex, RawEpc.ofHex(hex)).stream().map(v -> new TagWindow(v.toHex(), null, null)).toList();
    }

    /** The 8 filter variants of a GIAI/SGTIN EPC, as {@code /api/tags/history} searches for a pure-identity URI. */
    private static List<TagWindow> variants(String hex) {
        return FilterVariants.of(RawEpc.ofHex(hex)).stream().map(v -> new TagWindow(v.toHex(), null, null)).toList();
    }

    private static String[] measure(String name, int runs, IntFunction<Integer> query) {
        long[] nanos = new long[runs];
        long rows = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            rows += query.apply(i);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "  %s: p50 %.3f ms, p99 %.3f ms%n", name, nanos[runs / 2] / 1e6, nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6);
        return new String[] {name, String.valueOf(runs), String.format(Locale.ROOT, "%.1f", (double) rows / runs),
                String.format(Locale.ROOT, "%.3f", nanos[runs / 2] / 1e6), String.format(Locale.ROOT, "%.3f", nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6),
                String.format(Locale.ROOT, "%.3f", nanos[runs - 1] / 1e6)};
    }

    private static List<String> sampleTags(DataSource ds, Instant day, int n, Random random) throws SQLException {
        List<String> tags = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT epc_hex FROM passage WHERE first_seen >= ? AND first_seen < ? AND epc_bits = 96")) {
            Timestamp t = Timestamp.from(day);
            ps.setTimestamp(1, t);
            ps.setTimestamp(2, Timestamp.from(day.plusSeconds(7200)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.add(rs.getString(1));
                }
            }
        }
        Collections.shuffle(tags, random);
        if (tags.size() < n) {
            throw new IllegalStateException("only " + tags.size() + " distinct tags in the sample, need " + n);
        }
        return new ArrayList<>(tags.subList(0, n));
    }

    private static String dropOsCaches() {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
            Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3");
            return "done (sync; echo 3 > /proc/sys/vm/drop_caches)";
        } catch (Exception e) {
            return "NOT possible (" + e.getMessage() + "); the cold run measures OS page cache, not disk";
        }
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of the last SQL the product sent, with its parameters. */
    private static String explain(DataSource ds, String title, RecordingJdbcTemplate jdbc) throws SQLException {
        StringBuilder out = new StringBuilder("=== ").append(title).append(" ===\n").append(jdbc.lastSql).append('\n');
        out.append("-- parameters: ").append(Arrays.toString(jdbc.lastArgs)).append('\n');
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + jdbc.lastSql)) {
            for (int i = 0; i < jdbc.lastArgs.length; i++) {
                Object a = jdbc.lastArgs[i];
                if (a instanceof Timestamp t) {
                    ps.setTimestamp(i + 1, t);
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Remembers the SQL and arguments of the last query, so the plan shown is of exactly what the product ran. */
    static final class RecordingJdbcTemplate extends JdbcTemplate {
        volatile String lastSql;
        volatile Object[] lastArgs = new Object[0];

        RecordingJdbcTemplate(DataSource ds) {
            super(ds);
        }

        @Override
        public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
            lastSql = sql;
            lastArgs = args;
            return super.query(sql, rowMapper, args);
        }
    }
}
