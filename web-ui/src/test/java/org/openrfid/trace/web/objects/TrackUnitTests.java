package org.openrfid.trace.web.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Stops are where an object stayed: repeated passages at one place, or a long silence before the next place. */
class TrackUnitTests {

    private static final long MIN = 60_000;

    private static Track.Point at(String place, long minute, long seconds) {
        return new Track.Point(place + minute, minute * MIN, minute * MIN + seconds * 1000, 29.5, 106.5, place, "Place " + place);
    }

    @Test
    void passingThroughIsNoStop() {
        assertThat(Track.stops(List.of(at("A", 0, 5), at("B", 3, 5), at("C", 6, 5)))).isEmpty();
    }

    @Test
    void consecutivePassagesAtOnePlaceAreOneStopFromFirstToLastSeen() {
        List<Track.Stop> stops = Track.stops(List.of(at("A", 0, 5), at("B", 2, 5), at("B", 5, 30), at("C", 7, 5)));

        assertThat(stops).singleElement().satisfies(s -> {
            assertThat(s.locationId()).isEqualTo("B");
            assertThat(s.first()).isEqualTo(1);
            assertThat(s.passages()).isEqualTo(2);
            assertThat(s.seconds()).isEqualTo(3 * 60 + 30);
        });
    }

    @Test
    void aLongSilenceBeforeTheNextPlaceIsAStayAtTheLastOne() {
        List<Track.Stop> stops = Track.stops(List.of(at("A", 0, 5), at("B", 30, 5)));

        assertThat(stops).singleElement().satisfies(s -> {
            assertThat(s.locationId()).isEqualTo("A");
            assertThat(s.seconds()).isEqualTo(30 * 60);
        });
    }
}
