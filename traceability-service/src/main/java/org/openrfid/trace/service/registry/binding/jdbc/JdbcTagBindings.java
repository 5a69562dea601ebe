package org.openrfid.trace.service.registry.binding.jdbc;

import org.openrfid.trace.service.platform.sql.Sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.binding.NewBinding;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bindings over JDBC. A batch is checked against the bindings it can touch (loaded once, tags locked
 * with SELECT ... FOR UPDATE so two concurrent binders of one tag queue up), then closes and opens
 * are written as two batches: a fleet import binds thousands of tags in a handful of statements.
 */
public class JdbcTagBindings implements TagBindings {

    private static final String COLUMNS = "id, epc_hex, object_kind, object_id, valid_from, valid_to";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM tag_binding";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcTagBindings(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** A binding as the batch sees it; {@code id} is null until inserted. */
    private static final class Working {
        final Long id;
        final String epc;
        final ObjectKind kind;
        final String objectId;
        final Instant from;
        Instant to;
        boolean closedHere;

        Working(Long id, String epc, ObjectKind kind, String objectId, Instant from, Instant to) {
            this.id = id;
            this.epc = epc;
            this.kind = kind;
            this.objectId = objectId;
            this.from = from;
            this.to = to;
        }

        String object() {
            return kind + "/" + objectId;
        }
    }

    @Override
    public int bind(Collection<NewBinding> bindings) {
        if (bindings.isEmpty()) {
            return 0;
        }
        List<NewBinding> requests = List.copyOf(bindings);
        Integer opened = tx.execute(status -> {
            Map<String, List<Working>> byTag = new HashMap<>();
            Map<String, List<Working>> byObject = new HashMap<>();
            load(requests, byTag, byObject);
            List<Working> inserts = new ArrayList<>();
            for (NewBinding r : requests) {
                List<Working> tagHistory = byTag.computeIfAbsent(r.epcHex(), k -> new ArrayList<>());
                List<Working> objectHistory = byObject.computeIfAbsent(r.kind() + "/" + r.objectId(), k -> new ArrayList<>());
                Working tagOpen = openOf(tagHistory);
                if (tagOpen != null && tagOpen.kind == r.kind() && tagOpen.objectId.equals(r.objectId())) {
                    continue;
                }
                refuseOverlap(r, tagHistory, "tag " + r.epcHex());
                refuseOverlap(r, objectHistory, r.kind() + " " + r.objectId());
                Working objectOpen = openOf(objectHistory);
                for (Working open : new Working[] {tagOpen, objectOpen}) {
                    if (open != null && open.to == null) {
                        open.to = r.from();
                        open.closedHere = true;
                    }
                }
                Working created = new Working(null, r.epcHex(), r.kind(), r.objectId(), r.from(), null);
                tagHistory.add(created);
                objectHistory.add(created);
                inserts.add(created);
            }
            List<Working> closes = new ArrayList<>();
            Set<Working> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (List<Working> history : byTag.values()) {
                for (Working w : history) {
                    if (w.closedHere && w.id != null && seen.add(w)) {
                        closes.add(w);
                    }
                }
            }
            for (List<Working> history : byObject.values()) {
                for (Working w : history) {
                    if (w.closedHere && w.id != null && seen.add(w)) {
                        closes.add(w);
                    }
                }
            }
            jdbc.batchUpdate("UPDATE tag_binding SET valid_to = ? WHERE id = ?", closes, 500, (ps, w) -> {
                ps.setTimestamp(1, Timestamp.from(w.to));
                ps.setLong(2, w.id);
            });
            jdbc.batchUpdate("INSERT INTO tag_binding (epc_hex, object_kind, object_id, valid_from, valid_to) VALUES (?,?,?,?,?)",
                    inserts, 500, (ps, w) -> {
                        ps.setString(1, w.epc);
                        ps.setString(2, w.kind.name());
                        ps.setString(3, w.objectId);
                        ps.setTimestamp(4, Timestamp.from(w.from));
                        ps.setTimestamp(5, w.to == null ? null : Timestamp.from(w.to));
                    });
            return inserts.size();
        });
        return opened == null ? 0 : opened;
    }

    private void load(List<NewBinding> requests, Map<String, List<Working>> byTag, Map<String, List<Working>> byObject) {
        Instant earliest = requests.stream().map(NewBinding::from).min(Instant::compareTo).orElseThrow();
        List<String> epcs = requests.stream().map(NewBinding::epcHex).distinct().toList();
        Set<String> registered = new HashSet<>();
        for (List<String> chunk : Sql.chunks(epcs, 500)) {
            registered.addAll(jdbc.queryForList("SELECT epc_hex FROM tag WHERE epc_hex IN (" + marks(chunk.size()) + ") FOR UPDATE",
                    String.class, chunk.toArray()));
        }
        for (String epc : epcs) {
            if (!registered.contains(epc)) {
                throw new IllegalArgumentException("tag " + epc + " is not registered");
            }
        }
        // Only bindings still open or ending after the earliest new start can conflict or be closed.
        Map<Long, Working> loaded = new LinkedHashMap<>();
        for (List<String> chunk : Sql.chunks(epcs, 500)) {
            List<Object> args = new ArrayList<>(chunk);
            args.add(Timestamp.from(earliest));
            jdbc.query(SELECT + " WHERE epc_hex IN (" + marks(chunk.size()) + ") AND (valid_to IS NULL OR valid_to > ?) ORDER BY valid_from, id",
                    rs -> {
                        loaded.computeIfAbsent(rs.getLong("id"), id -> working(mapRow(rs)));
                    }, args.toArray());
        }
        Map<ObjectKind, List<String>> objects = new LinkedHashMap<>();
        for (NewBinding r : requests) {
            objects.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r.objectId());
        }
        for (Map.Entry<ObjectKind, List<String>> e : objects.entrySet()) {
            for (List<String> chunk : Sql.chunks(e.getValue().stream().distinct().toList(), 500)) {
                List<Object> args = new ArrayList<>();
                args.add(e.getKey().name());
                args.addAll(chunk);
                args.add(Timestamp.from(earliest));
                jdbc.query(SELECT + " WHERE object_kind = ? AND object_id IN (" + marks(chunk.size()) + ") AND (valid_to IS NULL OR valid_to > ?) ORDER BY valid_from, id",
                        rs -> {
                            loaded.computeIfAbsent(rs.getLong("id"), id -> working(mapRow(rs)));
                        }, args.toArray());
            }
        }
        for (Working w : loaded.values()) {
            byTag.computeIfAbsent(w.epc, k -> new ArrayList<>()).add(w);
            byObject.computeIfAbsent(w.object(), k -> new ArrayList<>()).add(w);
        }
    }

    private static TagBinding mapRow(java.sql.ResultSet rs) {
        try {
            return ROW.mapRow(rs, 0);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Working working(TagBinding b) {
        return new Working(b.id(), b.epcHex(), b.kind(), b.objectId(), b.validFrom(), b.validTo());
    }

    private static Working openOf(List<Working> history) {
        for (Working w : history) {
            if (w.to == null) {
                return w;
            }
        }
        return null;
    }

    private static void refuseOverlap(NewBinding r, List<Working> history, String whose) {
        for (Working w : history) {
            if (w.to == null ? !r.from().isAfter(w.from) : w.to.isAfter(r.from())) {
                throw new IllegalArgumentException("binding " + r.epcHex() + " → " + r.kind() + " " + r.objectId() + " from " + r.from()
                        + " overlaps the history of " + whose + ": bound to " + w.kind + " " + w.objectId + " from " + w.from
                        + (w.to == null ? " (open)" : " to " + w.to));
            }
        }
    }

    @Override
    public boolean unbind(String epcHex, Instant at) {
        Boolean done = tx.execute(status -> {
            Optional<TagBinding> open = jdbc.query(SELECT + " WHERE epc_hex = ? AND valid_to IS NULL FOR UPDATE", ROW, epcHex).stream().findFirst();
            if (open.isEmpty()) {
                return false;
            }
            if (!at.isAfter(open.get().validFrom())) {
                throw new IllegalArgumentException("tag " + epcHex + " is bound since " + open.get().validFrom() + ": cannot unbind at " + at);
            }
            jdbc.update("UPDATE tag_binding SET valid_to = ? WHERE id = ?", Timestamp.from(at), open.get().id());
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    @Override
    public Optional<TagBinding> at(String epcHex, Instant at) {
        Timestamp t = Timestamp.from(at);
        return jdbc.query(SELECT + " WHERE epc_hex = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)", ROW, epcHex, t, t)
                .stream().findFirst();
    }

    @Override
    public List<TagBinding> ofTag(String epcHex) {
        return jdbc.query(SELECT + " WHERE epc_hex = ? ORDER BY valid_from, id", ROW, epcHex);
    }

    @Override
    public Map<String, List<TagBinding>> ofTags(Collection<String> epcHex) {
        Map<String, List<TagBinding>> histories = new HashMap<>();
        List<String> distinct = epcHex.stream().distinct().toList();
        distinct.forEach(epc -> histories.put(epc, new ArrayList<>()));
        for (List<String> chunk : Sql.chunks(distinct, 500)) {
            for (TagBinding b : jdbc.query(SELECT + " WHERE epc_hex IN (" + marks(chunk.size()) + ") ORDER BY valid_from, id",
                    ROW, chunk.toArray())) {
                histories.get(b.epcHex()).add(b);
            }
        }
        return histories;
    }

    @Override
    public List<TagBinding> ofObject(ObjectKind kind, String objectId) {
        return jdbc.query(SELECT + " WHERE object_kind = ? AND object_id = ? ORDER BY valid_from, id", ROW, kind.name(), objectId);
    }

    @Override
    public Map<String, TagBinding> openOf(ObjectKind kind, Collection<String> objectIds) {
        Map<String, TagBinding> open = new HashMap<>();
        for (List<String> chunk : Sql.chunks(List.copyOf(objectIds), 500)) {
            List<Object> args = new ArrayList<>();
            args.add(kind.name());
            args.addAll(chunk);
            for (TagBinding b : jdbc.query(SELECT + " WHERE object_kind = ? AND object_id IN (" + marks(chunk.size()) + ") AND valid_to IS NULL",
                    ROW, args.toArray())) {
                open.put(b.objectId(), b);
            }
        }
        return open;
    }

    @Override
    public Map<String, List<RawEpc>> tagsOf(ObjectKind kind, Collection<String> objectIds) {
        Map<String, List<RawEpc>> tags = new HashMap<>();
        for (List<String> chunk : Sql.chunks(List.copyOf(new java.util.LinkedHashSet<>(objectIds)), 500)) {
            List<Object> args = new ArrayList<>();
            args.add(kind.name());
            args.addAll(chunk);
            jdbc.query("SELECT b.object_id, t.epc_hex, t.epc_bits FROM tag_binding b JOIN tag t ON t.epc_hex = b.epc_hex"
                    + " WHERE b.object_kind = ? AND b.object_id IN (" + marks(chunk.size()) + ") ORDER BY b.valid_from, b.id",
                    rs -> {
                        tags.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(EpcInput.parseHex(rs.getString(2), rs.getInt(3)));
                    }, args.toArray());
        }
        return tags;
    }

    @Override
    public Set<String> everBound(Collection<String> epcHex) {
        Set<String> bound = new HashSet<>();
        for (List<String> chunk : Sql.chunks(List.copyOf(epcHex), 500)) {
            bound.addAll(jdbc.queryForList("SELECT DISTINCT epc_hex FROM tag_binding WHERE epc_hex IN (" + marks(chunk.size()) + ")",
                    String.class, chunk.toArray()));
        }
        return bound;
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private static final RowMapper<TagBinding> ROW = (rs, row) -> {
        Timestamp to = rs.getTimestamp("valid_to");
        return new TagBinding(rs.getLong("id"), rs.getString("epc_hex"), ObjectKind.valueOf(rs.getString("object_kind")),
                rs.getString("object_id"), rs.getTimestamp("valid_from").toInstant(), to == null ? null : to.toInstant());
    };
}
