package org.openrfid.trace.service.analytics.jdbc;

import java.util.List;
import org.openrfid.trace.service.analytics.Analytics;
import org.openrfid.trace.service.analytics.CoLocationQuery;
import org.openrfid.trace.service.analytics.Companion;
import org.openrfid.trace.service.analytics.FlowQuery;
import org.openrfid.trace.service.analytics.FlowRow;
import org.openrfid.trace.service.analytics.OdMatrix;
import org.openrfid.trace.service.analytics.OdQuery;
import org.openrfid.trace.service.analytics.TravelQuery;
import org.openrfid.trace.service.analytics.TravelTimes;
import org.openrfid.trace.service.platform.sql.SqlDialect;
import org.openrfid.trace.service.privacy.Scope;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Analytics in SQL on both stores, one class per question: window functions ({@code LEAD}, {@code LAG},
 * running {@code SUM}, {@code FIRST_VALUE}, {@code ROW_NUMBER}) and {@code PERCENTILE_CONT} exist alike
 * in H2 2.x and PostgreSQL; only time arithmetic and text ordering differ ({@link SqlDialect}). Every
 * statement returns an aggregate or a bounded page, so the database sorts and counts and the JVM never
 * holds more than one answer's rows. Each query's class states its cost, with N the passages in the period.
 */
final class JdbcAnalytics implements Analytics {

    private final JdbcCompanions companions;
    private final JdbcFlows flows;
    private final JdbcTravelTimes travelTimes;
    private final JdbcOdMatrix odMatrix;

    JdbcAnalytics(JdbcTemplate jdbc, SqlDialect dialect) {
        this.companions = new JdbcCompanions(jdbc, dialect);
        this.flows = new JdbcFlows(jdbc, dialect);
        this.travelTimes = new JdbcTravelTimes(jdbc, dialect);
        this.odMatrix = new JdbcOdMatrix(jdbc, dialect);
    }

    @Override
    public List<Companion> companions(CoLocationQuery query, Scope scope) {
        return companions.companions(query, scope);
    }

    @Override
    public List<FlowRow> flows(FlowQuery query, Scope scope) {
        return flows.flows(query, scope);
    }

    @Override
    public TravelTimes travelTimes(TravelQuery query, Scope scope) {
        return travelTimes.travelTimes(query, scope);
    }

    @Override
    public OdMatrix originDestination(OdQuery query, Scope scope) {
        return odMatrix.originDestination(query, scope);
    }
}
