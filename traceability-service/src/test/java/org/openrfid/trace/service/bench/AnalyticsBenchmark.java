package org.openrfid.trace.service.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.openrfid.trace.service.analytics.Analytics;
import org.openrfid.trace.service.analytics.CoLocationQuery;
import org.openrfid.trace.service.analytics.FlowQuery;
import org.openrfid.trace.service.analytics.Level;
import org.openrfid.trace.service.analytics.OdQuery;
import org.openrfid.trace.service.analytics.Period;
import org.openrfid.trace.service.analytics.Subject;
import org.openrfid.trace.service.analytics.TravelQuery;
import org.openrfid.trace.service.passage.TagWindow;
import org.openrfid.trace.service.analytics.jdbc.AnalyticsStoreConfiguration;
import org.openrfid.trace.service.testsupport.PostgisTestDatabase;

/**
 * The four analytics questions on PostGIS over a synthetic day: {@code --tags} tags, each seen 12
 * times ten minutes apart, moving three checkpoints on each time over 50 checkpoints of two lanes.
 * Passages are generated inside PostgreSQL ({@code generate_series}), then each question is asked
 * {@code --runs} times; the table shows the median and the slowest. Not a surefire test: run
 *
 * <pre>
 * mvn -o -q -pl traceability-service test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp traceability-service/target/classes:traceability-service/target/test-classes:$(cat /tmp/cp.txt) \
 *     org.openrfid.trace.service.bench.AnalyticsBenchmark [--tags 20000] [--runs 5]
 * </pre>
 */
public final class AnalyticsBenchmark {

    static final Instant T0 = Instant.parse("2025-06-02T00:00:00Z");

    public static void main(String[] args) throws Exception {
        int tags = 20_000;
        int runs = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tags" -> tags = Integer.parseInt(args[++i].replace("_", ""));
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        PostgisTestDatabase db = PostgisTestDatabase.createSchema();
        try {
            DataSource ds = db.dataSource();
            Flyway.configure().dataSource(ds).schemas(db.schema()).locations("classpath:db/migration/postgresql").load().migrate();
            long loaded = load(ds, tags);
            Analytics analytics = AnalyticsStoreConfiguration.create(ds);
            Period day = new Period(T0, T0.plus(Duration.ofDays(1)));
            String tag0 = String.format("E2%022X", 0);
            Subject subject = new Subject(List.of(new TagWindow(tag0, null, null)), List.of(tag0), null, null);
            System.out.printf(Locale.ROOT, "%,d passages of %,d tags at 100 lanes of 50 checkpoints, one day, PostgreSQL%n%n", loaded, tags);
            System.out.printf(Locale.ROOT, "%-60s %10s %10s  %s%n", "question", "median ms", "max ms", "answer");
            time(runs, "companions of one tag, ±5 min, checkpoint level", () -> analytics.companions(
                    new CoLocationQuery(subject, day, Duration.ofMinutes(5), Level.CHECKPOINT, 2, 10, null, 100)).size() + " companions");
            time(runs, "flows, PT15M, checkpoint level, by kind", () -> analytics.flows(
                    new FlowQuery(day, Duration.ofMinutes(15), Level.CHECKPOINT, Set.of(), false, 10_000)).size() + " rows");
            time(runs, "flows, PT1H, lanes, by vehicle type", () -> analytics.flows(
                    new FlowQuery(day, Duration.ofHours(1), Level.LOCATION, Set.of(), true, 10_000)).size() + " rows");
            time(runs, "travel times CP-1 -> CP-4, checkpoint level", () -> analytics.travelTimes(
                    new TravelQuery(day, "CP-1", "CP-4", Level.CHECKPOINT, Duration.ofHours(2), null, null, 10_000)).count() + " journeys");
            time(runs, "origin-destination, trip gap 30 min, checkpoint level", () -> analytics.originDestination(
                    new OdQuery(day, Duration.ofMinutes(30), Level.CHECKPOINT, null, false, 10_000)).trips() + " trips");
        } finally {
            db.drop();
        }
    }

    private static long load(DataSource ds, int tags) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            StringBuilder locations = new StringBuilder("INSERT INTO location (id, name, kind, parent_id, geom) VALUES ");
            for (int cp = 0; cp < 50; cp++) {
                locations.append(cp == 0 ? "" : ",").append(String.format(Locale.ROOT,
                        "('CP-%1$d','CP %1$d','checkpoint',NULL,ST_SetSRID(ST_MakePoint(106.5,29.5),4326)),"
                                + "('CP-%1$d-L1','lane','lane','CP-%1$d',ST_SetSRID(ST_MakePoint(106.5,29.5),4326)),"
                                + "('CP-%1$d-L2','lane','lane','CP-%1$d',ST_SetSRID(ST_MakePoint(106.5,29.5),4326))", cp));
            }
            s.execute(locations.toString());
            try (PreparedStatement p = c.prepareStatement("INSERT INTO passage (id, epc_hex, epc_bits, tag_uri, location_id, reader_id, antenna,"
                    + " first_seen, last_seen, reads, peak_rssi, direction)"
                    + " SELECT md5(i || ':' || k), 'E2' || lpad(upper(to_hex(i)), 22, '0'), 96, NULL,"
                    + " 'CP-' || ((i + k * 3) % 50) || '-L' || (i % 2 + 1), 'rdr', 1,"
                    + " ?::timestamptz + make_interval(secs => (i * 37) % 72000 + k * 600 + (i % 7)),"
                    + " ?::timestamptz + make_interval(secs => (i * 37) % 72000 + k * 600 + (i % 7) + 2), 3, -60, 'IN'"
                    + " FROM generate_series(0, ? - 1) i, generate_series(0, 11) k")) {
                p.setTimestamp(1, Timestamp.from(T0));
                p.setTimestamp(2, Timestamp.from(T0));
                p.setInt(3, tags);
                long rows = p.executeUpdate();
                s.execute("ANALYZE passage");
                s.execute("ANALYZE location");
                return rows;
            }
        }
    }

    private static void time(int runs, String name, Supplier<String> question) {
        long[] ms = new long[runs];
        String answer = "";
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            answer = question.get();
            ms[r] = (System.nanoTime() - start) / 1_000_000;
        }
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-60s %10d %10d  %s%n", name, sorted[runs / 2], sorted[runs - 1], answer);
    }

    private AnalyticsBenchmark() {
    }

}
