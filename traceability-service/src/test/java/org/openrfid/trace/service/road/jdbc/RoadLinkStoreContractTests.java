package org.openrfid.trace.service.road.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.road.RoadLink;
import org.openrfid.trace.service.road.RoadLinks;
import org.openrfid.trace.service.road.RoadNetwork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the road link store must do on every database. Subclasses supply a fresh, empty database per test. */
abstract class RoadLinkStoreContractTests {

    protected RoadLinks links;
    private DataSource dataSource;

    protected abstract DataSource freshDatabase();

    protected abstract Flyway flyway(DataSource dataSource);

    @BeforeEach
    void migrateFreshDatabase() {
        dataSource = freshDatabase();
        flyway(dataSource).migrate();
        links = RoadLinkStoreConfiguration.createRoadLinks(dataSource, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @Test
    void savedLinksComeBackInPairOrderWhicheverWayTheyWereNamed() {
        links.save(List.of(new RoadLink("CP-2", "CP-1", 3367), new RoadLink("CP-1", "CP-3", 1200.5)));
        assertThat(links.all()).containsExactly(new RoadLink("CP-1", "CP-2", 3367), new RoadLink("CP-1", "CP-3", 1200.5));
        assertThat(links.count()).isEqualTo(2);
    }

    @Test
    void savingAPairAgainReplacesItsDistanceEitherWayRound() {
        links.save(List.of(new RoadLink("CP-1", "CP-2", 3367)));
        links.save(List.of(new RoadLink("CP-2", "CP-1", 3400), new RoadLink("CP-2", "CP-3", 900)));
        assertThat(links.all()).containsExactly(new RoadLink("CP-1", "CP-2", 3400), new RoadLink("CP-2", "CP-3", 900));
    }

    @Test
    void aLinkIsDeletedByItsPairInEitherOrder() {
        links.save(List.of(new RoadLink("CP-1", "CP-2", 3367)));
        assertThat(links.delete("CP-2", "CP-1")).isTrue();
        assertThat(links.delete("CP-1", "CP-2")).isFalse();
        assertThat(links.all()).isEmpty();
    }

    @Test
    void theNetworkLoadsFromTheStoreAndFindsPathsOverStoredLinks() {
        links.save(List.of(new RoadLink("A", "B", 1000), new RoadLink("B", "C", 2000)));
        RoadNetwork network = new RoadNetwork(links::all);
        assertThat(network.reload()).isTrue();
        assertThat(network.shortest("A", "C")).hasValue(3000);
    }

    @Test
    void theSchemaRefusesALinkFromALocationToItselfOrOfNoLength() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO road_link (from_location, to_location, distance_m) VALUES ('A','A',10)"))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO road_link (from_location, to_location, distance_m) VALUES ('A','B',0)"))
                .isInstanceOf(RuntimeException.class);
    }
}
