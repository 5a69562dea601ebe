package org.openrfid.trace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.testsupport.PostgisTestDatabase;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The postgis profile's statement timeout on a real PostgreSQL: the pool's connections cancel a statement
 * that runs longer (SQLState 57014), while the migrations get a connection of their own without it.
 */
class PostgisStatementTimeoutIntegrationTests {

    @Test
    void theApplicationsConnectionsCancelALongStatementAndTheMigrationsConnectDirectly() throws Exception {
        StandardEnvironment env = ShippedSettingsUnitTests.load("application.yml", "application-postgis.yml");
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.of("RFID_DB_STATEMENT_TIMEOUT", "1s",
                "RFID_DB_URL", PostgisTestDatabase.URL)));
        String options = env.getProperty("spring.datasource.hikari.data-source-properties.options");
        assertThat(options).isEqualTo("-c statement_timeout=1s");
        assertThat(env.getProperty("spring.flyway.url")).isEqualTo(PostgisTestDatabase.URL);

        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(env.getProperty("spring.datasource.url"));
            pool.setUsername(PostgisTestDatabase.USER);
            pool.setPassword(PostgisTestDatabase.PASSWORD);
            pool.addDataSourceProperty("options", options);
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            assertThat(jdbc.queryForObject("SELECT current_setting('statement_timeout')", String.class)).isEqualTo("1s");
            jdbc.execute("SELECT pg_sleep(0.1)");
            assertThatThrownBy(() -> jdbc.execute("SELECT pg_sleep(5)"))
                    .rootCause().isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
            // A transaction that lifts it for itself (retention's day-by-day deletes) may run longer.
            try (var c = pool.getConnection()) {
                c.setAutoCommit(false);
                try (var s = c.createStatement()) {
                    s.execute("SET LOCAL statement_timeout = 0");
                    s.execute("SELECT pg_sleep(1.5)");
                }
                c.commit();
            }
        }
    }
}
