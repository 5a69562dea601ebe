package org.openrfid.trace.service.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL 15 server of a test's own, in a temporary directory on a free port, for tests that stop
 * and restart the database: the shared server on 5432 is never touched. Made with {@code initdb} and
 * driven with {@code pg_ctl} as the {@code postgres} user (the tests run as root, which PostgreSQL
 * refuses to run as). Debian's PostgreSQL 15 and PostGIS 3 packages are expected; without them the
 * test fails and says so.
 */
public final class PrivatePostgresServer implements AutoCloseable {

    private static final Path BIN = Path.of(System.getProperty("rfid.test.pg.bin", "/usr/lib/postgresql/15/bin"));
    private static final String OS_USER = "postgres";

    private final Path home;
    private final Path data;
    private final Path log;
    private final int port;

    private PrivatePostgresServer(Path home, int port) {
        this.home = home;
        this.data = home.resolve("data");
        this.log = home.resolve("server.log");
        this.port = port;
    }

    /** Makes a fresh cluster (trust auth, user postgres, no fsync: it is thrown away) and starts it. */
    public static PrivatePostgresServer start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new IllegalStateException("PostgreSQL 15 binaries not found in " + BIN + " (apt-get install postgresql-15 postgresql-15-postgis-3)");
        }
        Path home = Files.createTempDirectory("rfid-pg-");
        PrivatePostgresServer server = new PrivatePostgresServer(home, freePort());
        run("chown", OS_USER, home.toString());
        server.asPostgres(BIN.resolve("initdb").toString(), "-D", server.data.toString(), "-U", "postgres", "-A", "trust",
                "--no-sync", "-E", "UTF8", "--locale=C");
        server.pgCtl("start");
        return server;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a database with PostGIS in it. */
    public void createDatabase(String name) throws SQLException {
        try (Connection c = dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        try (Connection c = dataSource(name).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION postgis");
        }
    }

    public PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl(database));
        ds.setUser("postgres");
        return ds;
    }

    /** {@code pg_ctl restart -m fast}: open sessions are ended, the server is back when this returns. */
    public void restartFast() throws IOException, InterruptedException {
        pgCtl("restart", "-m", "fast");
    }

    /** {@code pg_ctl stop -m fast}. */
    public void stop() throws IOException, InterruptedException {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "stop", "-m", "fast");
    }

    public void startAgain() throws IOException, InterruptedException {
        pgCtl("start");
    }

    private void pgCtl(String... action) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                "-l", log.toString(), "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + home
                        + " -c fsync=off -c max_connections=40"));
        command.addAll(List.of(action));
        asPostgres(command.toArray(String[]::new));
    }

    private void asPostgres(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", OS_USER, "--"));
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops the server (if it runs) and deletes its directory. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stop();
        } catch (IllegalStateException alreadyStopped) {
            // pg_ctl says so when no server runs
        }
        run("rm", "-rf", home.toString());
    }
}
