package org.openrfid.trace.service.testsupport;

import org.openrfid.trace.service.passage.jdbc.JdbcPassageQueries;

import org.openrfid.trace.service.passage.PassageQueries;
import org.springframework.jdbc.core.JdbcTemplate;

/** The product's passage queries over a given JdbcTemplate, for benchmarks outside this package. */
public final class TestQueries {

    private TestQueries() {
    }

    public static PassageQueries passageQueries(JdbcTemplate jdbc) {
        return new JdbcPassageQueries(jdbc);
    }
}
