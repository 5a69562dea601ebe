package org.openrfid.trace.service.road;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoadNetworkUnitTests {

    // A square A-B-C-D with a long diagonal A-C and an island E-F.
    static final List<RoadLink> LINKS = List.of(new RoadLink("A", "B", 1000), new RoadLink("B", "C", 1000),
            new RoadLink("C", "D", 1000), new RoadLink("D", "A", 1000), new RoadLink("A", "C", 5000), new RoadLink("E", "F", 700));

    @Test
    void findsTheShortestPathRatherThanTheDirectLink() {
        RoadNetwork network = RoadNetwork.of(LINKS);
        assertThat(network.shortest("A", "C")).hasValue(2000);
        assertThat(network.link("A", "C")).hasValue(5000);
    }

    @Test
    void linksAreTwoWay() {
        RoadNetwork network = RoadNetwork.of(LINKS);
        assertThat(network.shortest("C", "A")).hasValue(2000);
        assertThat(network.shortest("B", "D")).hasValue(2000);
        assertThat(network.link("B", "A")).hasValue(1000);
    }

    @Test
    void noPathBetweenSeparateIslandsOrUnknownLocations() {
        RoadNetwork network = RoadNetwork.of(LINKS);
        assertThat(network.shortest("A", "E")).isEmpty();
        assertThat(network.shortest("A", "nowhere")).isEmpty();
        assertThat(network.shortest("A", "A")).hasValue(0);
    }

    @Test
    void fallsBackToGreatCircleTimesDetourWhereNoPathExists() {
        RoadNetwork network = RoadNetwork.of(LINKS);
        // one degree of latitude is about 111.2 km
        RoadNetwork.Distance d = network.between("A", 29.0, 106.0, "E", 30.0, 106.0, 1.3);
        assertThat(d.method()).isEqualTo(RoadNetwork.Method.GREAT_CIRCLE);
        assertThat(d.metres()).isCloseTo(111_195 * 1.3, within(100.0));
        assertThat(d.describe()).isEqualTo("great_circle_x1.3");
        RoadNetwork.Distance road = network.between("A", 29.0, 106.0, "C", 30.0, 106.0, 1.3);
        assertThat(road.method()).isEqualTo(RoadNetwork.Method.ROAD);
        assertThat(road.metres()).isEqualTo(2000);
        assertThat(road.describe()).isEqualTo("road_network");
    }

    @Test
    void reloadSwapsInNewLinksAndForgetsCachedDistances() {
        List<RoadLink> source = new ArrayList<>(LINKS);
        RoadNetwork network = new RoadNetwork(() -> List.copyOf(source));
        assertThat(network.shortest("A", "C")).as("empty until loaded").isEmpty();
        network.reload();
        assertThat(network.shortest("A", "C")).hasValue(2000);
        source.add(new RoadLink("A", "C", 1500));
        assertThat(network.shortest("A", "C")).as("cached until reloaded").hasValue(2000);
        network.reload();
        assertThat(network.shortest("A", "C")).hasValue(1500);
    }

    @Test
    void aFailedReloadKeepsTheLastNetwork() {
        boolean[] fail = {false};
        RoadNetwork network = new RoadNetwork(() -> {
            if (fail[0]) {
                throw new IllegalStateException("database away");
            }
            return LINKS;
        });
        network.reload();
        fail[0] = true;
        assertThat(network.reload()).isFalse();
        assertThat(network.shortest("A", "C")).hasValue(2000);
    }

    @Test
    void aLinkIsOneWhicheverWayItIsNamedAndRefusesNonsense() {
        assertThat(new RoadLink("B", "A", 10)).isEqualTo(new RoadLink("A", "B", 10));
        assertThatThrownBy(() -> new RoadLink("A", "A", 10)).hasMessageStartingWith("to:");
        assertThatThrownBy(() -> new RoadLink("A", "B", 0)).hasMessageStartingWith("distance_m:");
        assertThatThrownBy(() -> new RoadLink(" ", "B", 5)).hasMessageStartingWith("from:");
    }

    @Test
    void findsPathsInTheSampleCityQuickly() {
        // a grid of 60 x 60 checkpoints: Dijkstra with an early stop answers far corners
        List<RoadLink> grid = new ArrayList<>();
        for (int x = 0; x < 60; x++) {
            for (int y = 0; y < 60; y++) {
                if (x < 59) {
                    grid.add(new RoadLink(x + ":" + y, (x + 1) + ":" + y, 100));
                }
                if (y < 59) {
                    grid.add(new RoadLink(x + ":" + y, x + ":" + (y + 1), 100));
                }
            }
        }
        RoadNetwork network = RoadNetwork.of(grid);
        assertThat(network.shortest("0:0", "59:59")).hasValue(118 * 100);
    }
}
