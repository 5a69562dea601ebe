package org.openrfid.trace.service.privacy.jdbc;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openrfid.trace.service.platform.sql.Sql;
import org.openrfid.trace.service.privacy.Scope;

/**
 * A {@link Scope} as a SQL condition, for every adapter that answers with passages or counts them:
 * the object's kind among those the caller sees (some kinds only at locations of given kinds), and no
 * restricted object the caller holds no grant for. An unlimited scope adds nothing, so ADMIN and the
 * system pay nothing for it; the restricted check is an anti-join on a small table.
 */
public final class ScopeSql {

    private ScopeSql() {
    }

    /**
     * Appends {@code " AND (…)"} limiting rows to the scope, or nothing for an unlimited scope.
     *
     * @param kind     the row's object kind expression, NULL for an unbound tag (e.g. {@code p.object_kind})
     * @param objectId the row's object id expression
     * @param location the row's location id expression, for kinds seen only at some location kinds
     */
    public static void restrictTo(Scope scope, String kind, String objectId, String location, StringBuilder sql, List<Object> args) {
        kinds(scope, kind, location, sql, args);
        notRestricted(scope, kind, objectId, sql, args);
    }

    /**
     * Appends {@code " AND (…)"} limiting rows to the kinds (and places) the scope sees, restricted objects
     * included: counts (flows, OD, travel times) count them without naming them.
     */
    public static void kinds(Scope scope, String kind, String location, StringBuilder sql, List<Object> args) {
        if (scope == null || scope.unlimited()) {
            return;
        }
        if (!scope.seesAny()) {
            sql.append(" AND 1 = 0");
            return;
        }
        String k = "COALESCE(" + kind + ", '" + Scope.UNBOUND + "')";
        sql.append(" AND (");
        boolean first = true;
        if (!scope.kinds().isEmpty()) {
            Set<String> kinds = new TreeSet<>(scope.kinds());
            sql.append(k).append(" IN (").append(Sql.marks(kinds.size())).append(')');
            args.addAll(kinds);
            first = false;
        }
        for (Map.Entry<String, Set<String>> e : new java.util.TreeMap<>(scope.onlyAt()).entrySet()) {
            Set<String> places = new TreeSet<>(e.getValue());
            sql.append(first ? "" : " OR ").append('(').append(k).append(" = ? AND ").append(location)
                    .append(" IN (SELECT sl.id FROM location sl WHERE sl.kind IN (").append(Sql.marks(places.size())).append(")))");
            args.add(e.getKey());
            args.addAll(places);
            first = false;
        }
        sql.append(')');
    }

    /** Appends {@code " AND NOT EXISTS (…)"}: no restricted object the scope's user holds no valid grant for. */
    public static void notRestricted(Scope scope, String kind, String objectId, StringBuilder sql, List<Object> args) {
        if (scope == null || scope.unlimited()) {
            return;
        }
        Timestamp at = Timestamp.from(scope.at());
        sql.append(" AND NOT EXISTS (SELECT 1 FROM restricted_object ro WHERE ro.object_kind = ").append(kind)
                .append(" AND ro.object_id = ").append(objectId)
                .append(" AND NOT EXISTS (SELECT 1 FROM object_grant og WHERE og.object_kind = ro.object_kind AND og.object_id = ro.object_id")
                .append(" AND og.username = ? AND og.valid_from <= ? AND (og.valid_to IS NULL OR og.valid_to > ?)))");
        args.add(scope.username());
        args.add(at);
        args.add(at);
    }

    /** Appends {@code " AND NOT EXISTS (…)"}: no restricted object at all, whoever asks (analytics never name one). */
    public static void neverRestricted(String kind, String objectId, StringBuilder sql) {
        sql.append(" AND NOT EXISTS (SELECT 1 FROM restricted_object ro WHERE ro.object_kind = ").append(kind)
                .append(" AND ro.object_id = ").append(objectId).append(')');
    }
}
