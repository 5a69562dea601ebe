package org.openrfid.trace.service.alert.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertSink;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.registry.binding.BoundObject;

/** Small factories for rule tests: places, passages, definitions and a sink that keeps what was raised. */
public final class RuleFixtures {

    public static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z"); // a Monday, 08:00 in Shanghai

    private static int passages;

    private RuleFixtures() {
    }

    public static LocationInfo place(String id, String name, String kind, double lat, double lon) {
        return new LocationInfo(id, name, kind, lat, lon);
    }

    public static EnrichedPassage passage(String epcHex, LocationInfo at, Instant first, Instant last, BoundObject object) {
        return passage(epcHex, at, first, last, object, Direction.NONE, "rdr-" + at.id(), 1);
    }

    public static EnrichedPassage passage(String epcHex, LocationInfo at, Instant first, Instant last, BoundObject object, Direction d,
                                          String reader, int antenna) {
        Passage p = new Passage("P" + (++passages), RawEpc.ofHex(epcHex), null, at.id(), reader, antenna, first, last, 3, -55, d, 0,
                List.of(reader + "/" + antenna));
        return new EnrichedPassage(p, object, at);
    }

    public static RuleDefinition rule(AlertType type, Map<String, Object> params) {
        return new RuleDefinition("r1", type, true, Severity.HIGH, params, List.of(), null);
    }

    public static RuleDefinition rule(AlertType type, Map<String, Object> params, List<String> locations, String area) {
        return new RuleDefinition("r1", type, true, Severity.HIGH, params, locations, area);
    }

    /** Keeps every candidate. */
    public static final class Sink implements AlertSink {
        public final List<AlertCandidate> raised = new ArrayList<>();

        @Override
        public void raise(AlertCandidate candidate) {
            raised.add(candidate);
        }

        public AlertCandidate only() {
            if (raised.size() != 1) {
                throw new AssertionError("expected one alert, got " + raised);
            }
            return raised.get(0);
        }
    }
}
