package org.openrfid.trace.service.epcis.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.openrfid.trace.service.platform.sql.Sql;
import org.openrfid.trace.service.epcis.EpcisEventStore;
import org.openrfid.trace.service.epcis.EpcisEvents;
import org.openrfid.trace.service.epcis.EpcisQuery;
import org.openrfid.trace.service.epcis.EventHash;
import org.openrfid.trace.service.epcis.Vocabulary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Captured EPCIS events and capture jobs over JDBC (the same SQL on H2GIS and PostGIS). */
class JdbcEpcisEventStore implements EpcisEventStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> EPC_ROLES = Map.of("epcList", "epc", "childEPCs", "epc",
            "inputEPCList", "input", "outputEPCList", "output");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    JdbcEpcisEventStore(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public Job capture(JsonNode document, Instant recordTime) {
        Map<String, String> ns = EventHash.namespaces(document.get("@context"));
        Set<String> ignored = EventHash.ignoredFields(document, ns);
        List<JsonNode> events = EventHash.events(document);
        String context = document.has("@context") ? document.get("@context").toString() : null;
        String jobId = UUID.randomUUID().toString();
        Instant now = recordTime.truncatedTo(ChronoUnit.MICROS);
        return tx.execute(status -> {
            int stored = 0;
            for (JsonNode e : events) {
                ObjectNode event = e.deepCopy();
                if (!event.hasNonNull("eventID") || event.get("eventID").asText().isBlank()) {
                    event.put("eventID", EventHash.hashOf(EventHash.preHash(e, ns, ignored)));
                }
                event.put("recordTime", now.toString());
                if (insert(event, jobId, context, now)) {
                    stored++;
                }
            }
            jdbc.update("INSERT INTO epcis_capture_job (id, state, created_at, finished_at, event_count, errors)"
                    + " VALUES (?, ?, ?, ?, ?, NULL)", jobId, "SUCCEEDED", utc(now), utc(now), stored);
            return new Job(jobId, "SUCCEEDED", now, now, stored, null);
        });
    }

    private boolean insert(ObjectNode event, String jobId, String context, Instant recordTime) {
        String id = event.get("eventID").asText();
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM epcis_event WHERE event_id = ?", Integer.class, id);
        if (existing != null && existing > 0) {
            return false;
        }
        Instant eventTime = OffsetDateTime.parse(event.path("eventTime").asText()).toInstant().truncatedTo(ChronoUnit.MICROS);
        jdbc.update("INSERT INTO epcis_event (event_id, event_type, event_time, record_time, action, biz_step, disposition,"
                        + " read_point, biz_location, capture_id, ld_context, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, event.path("type").asText(), utc(eventTime), utc(recordTime), text(event, "action"),
                Vocabulary.bizStep(text(event, "bizStep")), Vocabulary.disposition(text(event, "disposition")),
                Vocabulary.location(event.path("readPoint").path("id").asText(null)),
                Vocabulary.location(event.path("bizLocation").path("id").asText(null)), jobId, context, event.toString());
        List<Object[]> epcs = new ArrayList<>();
        EPC_ROLES.forEach((field, role) -> event.path(field).forEach(v -> epcs.add(new Object[] {id, role, Vocabulary.epc(v.asText())})));
        if (event.hasNonNull("parentID")) {
            epcs.add(new Object[] {id, "parent", Vocabulary.epc(event.get("parentID").asText())});
        }
        if (!epcs.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO epcis_event_epc (event_id, role, epc) VALUES (?, ?, ?)", epcs);
        }
        return true;
    }

    @Override
    public Optional<Job> job(String id) {
        return jdbc.query("SELECT id, state, created_at, finished_at, event_count, errors FROM epcis_capture_job WHERE id = ?",
                (rs, n) -> new Job(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class) == null ? null : rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getInt(5), rs.getString(6)), id).stream().findFirst();
    }

    @Override
    public List<EpcisEvents.Item> find(EpcisQuery q, EpcisEvents.Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT e.event_id, e.event_time, e.ld_context, e.document FROM epcis_event e WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (!q.eventTypes().isEmpty()) {
            sql.append(" AND e.event_type IN (").append(Sql.marks(q.eventTypes().size())).append(')');
            args.addAll(q.eventTypes());
        }
        if (q.geEventTime() != null) {
            sql.append(" AND e.event_time >= ?");
            args.add(utc(q.geEventTime()));
        }
        if (q.ltEventTime() != null) {
            sql.append(" AND e.event_time < ?");
            args.add(utc(q.ltEventTime()));
        }
        in(sql, args, "e.biz_step", q.bizSteps());
        in(sql, args, "e.read_point", q.readPoints());
        in(sql, args, "e.biz_location", q.bizLocations());
        if (!q.matchEpc().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM epcis_event_epc x WHERE x.event_id = e.event_id AND x.role = 'epc'"
                    + " AND x.epc IN (").append(Sql.marks(q.matchEpc().size())).append("))");
            args.addAll(q.matchEpc());
        }
        if (!q.matchParentId().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM epcis_event_epc x WHERE x.event_id = e.event_id AND x.role = 'parent'"
                    + " AND x.epc IN (").append(Sql.marks(q.matchParentId().size())).append("))");
            args.addAll(q.matchParentId());
        }
        if (!q.matchAnyEpc().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM epcis_event_epc x WHERE x.event_id = e.event_id"
                    + " AND x.epc IN (").append(Sql.marks(q.matchAnyEpc().size())).append("))");
            args.addAll(q.matchAnyEpc());
        }
        if (after != null) {
            if (after.source() == EpcisEvents.CAPTURED) {
                sql.append(" AND (e.event_time > ? OR (e.event_time = ? AND e.event_id > ?))");
                args.add(utc(after.time()));
                args.add(utc(after.time()));
                args.add(after.key());
            } else {
                sql.append(" AND e.event_time > ?");
                args.add(utc(after.time()));
            }
        }
        sql.append(" ORDER BY e.event_time, e.event_id LIMIT ").append(limit);
        return jdbc.query(sql.toString(), (rs, n) -> new EpcisEvents.Item(rs.getObject(2, OffsetDateTime.class).toInstant(),
                EpcisEvents.CAPTURED, rs.getString(1), readTree(rs.getString(4)), rs.getString(3) == null ? null : readTree(rs.getString(3))),
                args.toArray());
    }

    private static void in(StringBuilder sql, List<Object> args, String column, List<String> values) {
        if (!values.isEmpty()) {
            sql.append(" AND ").append(column).append(" IN (").append(Sql.marks(values.size())).append(')');
            args.addAll(values);
        }
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static String text(JsonNode event, String field) {
        return event.hasNonNull(field) ? event.get(field).asText() : null;
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored EPCIS event is not JSON", e);
        }
    }
}
