package org.openrfid.trace.web.locations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.location.Location;

class LocationFormUnitTests {

    private static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[106.50,29.50],[106.51,29.50],[106.51,29.51],[106.50,29.51],[106.50,29.50]]]}";

    /** CP-1 with its lane CP-1-L1, and a site WH with a door WH-D1. */
    private static Map<String, String> registered() {
        Map<String, String> parentOf = new HashMap<>();
        parentOf.put("CP-1", null);
        parentOf.put("CP-1-L1", "CP-1");
        parentOf.put("WH", null);
        parentOf.put("WH-D1", "WH");
        return parentOf;
    }

    private static LocationForm form(String id, String name, String parent, String lat, String lon, String area) {
        return new LocationForm(id, name, "checkpoint", parent, "0", lat, lon, area);
    }

    @Test
    void aDrawnSquareIsAnAreaWithItsInnerPointAndWinsOverTypedCoordinates() {
        LocationForm f = form("", "Bonded yard 2", "WH", "1", "2", SQUARE);
        assertThat(f.problems(null, registered())).isEmpty();
        Location l = f.toLocation(null);
        assertThat(l.id()).as("made from the name").isEqualTo("BONDED-YARD-2");
        assertThat(l.isArea()).isTrue();
        assertThat(l.lat()).isBetween(29.50, 29.51);
        assertThat(l.parent()).isEqualTo("WH");
    }

    @Test
    void aNameInChineseCharactersStillGivesAStableId() {
        LocationForm f = form("", "朝天门", "", "29.5", "106.5", "");
        assertThat(f.effectiveId()).startsWith("LOC-").isEqualTo(form("", "朝天门", "", "", "", "").effectiveId());
        assertThat(f.problems(null, registered())).isEmpty();
    }

    @Test
    void refusesWhatTheBriefNamesEachAtItsField() {
        assertThat(form("", "", "", "29.5", "106.5", "").problems(null, registered())).containsEntry("name", "locadmin.problem.name");
        assertThat(form("CP-1", "Again", "", "29.5", "106.5", "").problems(null, registered())).containsEntry("id", "locadmin.problem.taken");
        String twoCorners = "{\"type\":\"Polygon\",\"coordinates\":[[[106.50,29.50],[106.51,29.50],[106.50,29.50]]]}";
        assertThat(form("X", "X", "", "", "", twoCorners).problems(null, registered())).containsEntry("area", "locadmin.problem.areaFew");
        String offGlobe = "{\"type\":\"Polygon\",\"coordinates\":[[[106.50,29.50],[186.51,29.50],[106.51,29.51],[106.50,29.50]]]}";
        assertThat(form("X", "X", "", "", "", offGlobe).problems(null, registered())).containsEntry("area", "locadmin.problem.areaRange");
        String bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}";
        assertThat(form("X", "X", "", "", "", bowTie).problems(null, registered())).containsEntry("area", "locadmin.problem.areaInvalid");
        assertThat(form("X", "X", "", "95", "181", "").problems(null, registered()))
                .containsEntry("lat", "locadmin.problem.latRange").containsEntry("lon", "locadmin.problem.lonRange");
        assertThat(form("X", "X", "", "", "", "").problems(null, registered())).containsEntry("position", "locadmin.problem.position");
        assertThat(form("X", "X", "NOPE", "1", "1", "").problems(null, registered())).containsEntry("parent", "locadmin.problem.parentUnknown");
        assertThat(new LocationForm("X", "X", "checkpoint", "", "17", "1", "1", "").problems(null, registered()))
                .containsEntry("lanes", "locadmin.problem.lanes");
    }

    @Test
    void aPlaceCannotBePutUnderItselfOrItsOwnParts() {
        assertThat(form("CP-1", "CP", "CP-1-L1", "1", "1", "").problems("CP-1", registered())).containsEntry("parent", "locadmin.problem.cycle");
        assertThat(form("CP-1", "CP", "CP-1", "1", "1", "").problems("CP-1", registered())).containsEntry("parent", "locadmin.problem.cycle");
        assertThat(form("CP-1", "CP", "WH-D1", "1", "1", "").problems("CP-1", registered())).doesNotContainKey("parent");
        // editing keeps its own id: not "taken"
        assertThat(form("CP-1", "CP", "", "1", "1", "").problems("CP-1", registered())).isEmpty();
    }

    @Test
    void editingAnAreaFillsTheHiddenFieldAndNotTheCoordinates() {
        Location yard = new LocationForm("WH", "Yard", "warehouse", "", "0", "", "", SQUARE).toLocation(null);
        LocationForm f = LocationForm.of(yard, 2);
        assertThat(f.area()).contains("Polygon");
        assertThat(f.lat()).isEmpty();
        assertThat(f.lanes()).isEqualTo("2");
        assertThat(f.problems("WH", registered())).isEmpty();
    }
}
