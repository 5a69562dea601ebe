package org.openrfid.trace.service.epcis;

import org.openrfid.trace.service.privacy.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openrfid.trace.identity.EpcDecoder;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.service.epcis.EpcisPassages.Row;
import org.springframework.stereotype.Component;

/**
 * Passages of GS1-identified tags as EPCIS ObjectEvents: action OBSERVE, eventTime the passage's last
 * read (UTC), readPoint and bizLocation as the location's EPCIS configuration says ({@link LocationConfig}),
 * else the passage's location (its SGLN if the location id is one, else a location URI), bizStep and
 * disposition from that configuration, by default arriving / departing / entering_exiting by the read
 * point's direction. Event ids are CBV 2.0 hashes.
 */
@Component
public class PassageEvents {

    static final int BATCH = 500;
    private static final Map<String, String> NS = EventHash.namespaces(null);

    private final EpcisPassages passages;
    private final LocationConfigs configs;

    public PassageEvents(EpcisPassages passages, LocationConfigs configs) {
        this.passages = passages;
        this.configs = configs;
    }

    /** Passage events matching the query after the cursor, in (time, source, passage id) order. */
    List<EpcisEvents.Item> find(EpcisQuery q, EpcisEvents.Cursor after, int limit, Scope scope) {
        if (!q.wantsType("ObjectEvent") || !q.matchParentId().isEmpty()) {
            // passages carry no parentID, so MATCH_parentID selects none of them
            return List.of();
        }
        Optional<List<String>> epcPatterns = patterns(q);
        if (epcPatterns.isPresent() && epcPatterns.get().isEmpty()) {
            return List.of();
        }
        Optional<List<String>> locations = locations(q);
        if (locations.isPresent() && locations.get().isEmpty()) {
            return List.of();
        }
        List<EpcisEvents.Item> out = new ArrayList<>();
        EpcisEvents.Cursor cursor = after;
        while (out.size() < limit) {
            List<Row> rows = passages.page(q.geEventTime(), q.ltEventTime(), epcPatterns, locations, scope, cursor, BATCH);
            for (Row r : rows) {
                toEvent(r).filter(e -> matches(q, e)).ifPresent(e -> {
                    if (out.size() < limit) {
                        out.add(new EpcisEvents.Item(r.lastSeen(), EpcisEvents.PASSAGE, r.id(), e, null));
                    }
                });
            }
            if (rows.size() < BATCH) {
                break;
            }
            Row last = rows.get(rows.size() - 1);
            cursor = new EpcisEvents.Cursor(last.lastSeen(), EpcisEvents.PASSAGE, last.id());
        }
        return out;
    }

    /** LIKE patterns on tag URIs for the MATCH_ parameters (passages carry EPCs only, no parents or children). */
    private static Optional<List<String>> patterns(EpcisQuery q) {
        List<String> epcs = new ArrayList<>(q.matchEpc());
        epcs.addAll(q.matchAnyEpc());
        if (q.matchEpc().isEmpty() && q.matchAnyEpc().isEmpty()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (String epc : epcs) {
            for (String pure : pureIdentities(epc)) {
                String rest = pure.substring("urn:epc:id:".length());
                int colon = rest.indexOf(':');
                String scheme = rest.substring(0, colon);
                String body = rest.substring(colon + 1).replace("!", "!!").replace("%", "!%").replace("_", "!_");
                // urn:epc:tag:<scheme>-<size>:<filter>.<body>
                String pattern = "urn:epc:tag:" + scheme + "-%:_." + body;
                if (!out.contains(pattern)) {
                    out.add(pattern);
                }
            }
        }
        return Optional.of(out);
    }

    /**
     * The EPC pure identities an EPC parameter can denote: one for EPC URIs, and for a Digital Link (which
     * does not say where the company prefix ends) one per possible company prefix length; events are
     * checked against the Digital Link afterwards.
     */
    private static List<String> pureIdentities(String epc) {
        List<String> out = new ArrayList<>();
        try {
            out.add(EpcInput.pureIdentity(epc));
        } catch (RuntimeException e) {
            for (int gcp = 6; gcp <= 12; gcp++) {
                try {
                    String pure = EpcInput.pureIdentity(epc, gcp);
                    if (!out.contains(pure)) {
                        out.add(pure);
                    }
                } catch (RuntimeException ignored) {
                    // not a valid split at this length
                }
            }
        }
        out.removeIf(p -> !p.startsWith("urn:epc:id:"));
        return out;
    }

    /**
     * Candidate location ids for EQ_readPoint / EQ_bizLocation: those whose own URI or SGLN is wanted and
     * those whose configured SGLN, readPoint or bizLocation is; events are checked exactly afterwards.
     */
    private Optional<List<String>> locations(EpcisQuery q) {
        List<String> wanted = new ArrayList<>(q.readPoints());
        wanted.addAll(q.bizLocations());
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        Map<String, String> sglns = new HashMap<>();
        for (String w : wanted) {
            if (w.startsWith(Vocabulary.LOCATION_URI)) {
                ids.add(java.net.URLDecoder.decode(w.substring(Vocabulary.LOCATION_URI.length()), java.nio.charset.StandardCharsets.UTF_8));
            } else if (w.startsWith(DigitalLinks.DL + "414/")) {
                sglns.put(w, w);
            }
        }
        if (!sglns.isEmpty()) {
            for (String id : passages.sglnLocationIds()) {
                if (sglns.containsKey(DigitalLinks.normalise(id))) {
                    ids.add(id);
                }
            }
        }
        for (LocationConfig c : configs.all()) {
            for (String value : new String[] {c.sgln(), c.readPoint(), c.bizLocation()}) {
                if (value != null && wanted.contains(Vocabulary.location(value)) && !ids.contains(c.locationId())) {
                    ids.add(c.locationId());
                }
            }
        }
        return Optional.of(ids);
    }

    private static boolean matches(EpcisQuery q, JsonNode event) {
        String dl = Vocabulary.epc(event.path("epcList").get(0).asText());
        return (q.readPoints().isEmpty() || q.readPoints().contains(Vocabulary.location(event.path("readPoint").path("id").asText())))
                && (q.bizLocations().isEmpty() || q.bizLocations().contains(Vocabulary.location(event.path("bizLocation").path("id").asText())))
                && (q.bizSteps().isEmpty() || q.bizSteps().contains(Vocabulary.bizStep(event.path("bizStep").asText(null))))
                && (q.matchEpc().isEmpty() || q.matchEpc().contains(dl))
                && (q.matchAnyEpc().isEmpty() || q.matchAnyEpc().contains(dl));
    }

    private static Optional<JsonNode> toEvent(Row r) {
        String pure;
        try {
            pure = r.tagUri() != null && !r.tagUri().isBlank() ? EpcInput.pureIdentity(r.tagUri())
                    : EpcDecoder.decode(EpcInput.parseHex(r.epcHex(), r.bits())).pureIdentityUri();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (pure == null || DigitalLinks.toDigitalLink(pure) == null) {
            return Optional.empty();
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode e = f.objectNode();
        e.put("type", "ObjectEvent");
        e.put("eventTime", EventHash.utcMillis(r.lastSeen().toString()));
        e.put("eventTimeZoneOffset", "+00:00");
        e.putArray("epcList").add(pure);
        e.put("action", "OBSERVE");
        LocationConfig c = r.config();
        e.put("bizStep", c.bizStep() != null ? c.bizStep() : defaultBizStep(r.direction()));
        String disposition = c.disposition() != null ? c.disposition() : defaultDisposition(r.direction());
        if (disposition != null) {
            e.put("disposition", disposition);
        }
        e.putObject("readPoint").put("id", c.effectiveReadPoint());
        e.putObject("bizLocation").put("id", c.effectiveBizLocation());
        e.put("eventID", EventHash.hash(e, NS));
        return Optional.of(e);
    }

    static String defaultBizStep(String direction) {
        return switch (direction == null ? "" : direction) {
            case "IN" -> "arriving";
            case "OUT" -> "departing";
            default -> "entering_exiting";
        };
    }

    static String defaultDisposition(String direction) {
        return "OUT".equals(direction) ? "in_transit" : null;
    }
}
