package org.openrfid.trace.service.alert.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.passage.EnrichedPassage;

/** What the rules say about passages in evidence and summaries, the same way every time. */
public final class Evidence {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneId.of("UTC"));

    private Evidence() {
    }

    /** The location's name where registered, else its id. */
    public static String place(EnrichedPassage p) {
        return p.location() != null ? p.location().name() : p.passage().locationId();
    }

    public static String time(Instant t) {
        return TIME.format(t);
    }

    /** "3 min 20 s", "45 s", "2 h 5 min". */
    public static String span(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
    }

    /** One passage as evidence: id, location (id and name), reader/antenna, first/last seen, direction. */
    public static Map<String, Object> passage(EnrichedPassage e) {
        Passage p = e.passage();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("locationId", p.locationId());
        m.put("location", place(e));
        m.put("readPoint", p.readerId() + "/" + p.antenna());
        m.put("firstSeen", p.firstSeen().toString());
        m.put("lastSeen", p.lastSeen().toString());
        m.put("direction", p.direction().name());
        return m;
    }

    /** "the tag of 渝A·12345" / "tag 3416…" for a vehicle or tag without plate. */
    public static String tagOf(String plate, EnrichedPassage p) {
        return plate != null ? "the tag of " + plate : "tag " + p.passage().epc().toHex();
    }

    /** A candidate about a passage: its time, location, object, EPC, and the rule's id and severity. */
    public static AlertCandidate about(RuleDefinition rule, AlertType type, EnrichedPassage p, String plate, String summary,
                                       Map<String, Object> evidence, String subject) {
        return new AlertCandidate(type, rule.id(), rule.severity(), p.passage().firstSeen(), p.passage().locationId(),
                p.object() == null ? null : p.object().kind(), p.object() == null ? null : p.object().id(), p.passage().epc().toHex(),
                plate, summary, evidence, subject);
    }

    /** The subject of an alert about a tagged thing: the object when the tag is bound, else the EPC. */
    public static String subject(EnrichedPassage p) {
        return p.object() != null ? p.object().kind() + ":" + p.object().id() : "EPC:" + p.passage().epc().toHex();
    }
}
