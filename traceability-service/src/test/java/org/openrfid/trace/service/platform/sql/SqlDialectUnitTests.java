package org.openrfid.trace.service.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The statements the dialects build, as text; the store contract suites prove they behave alike. */
class SqlDialectUnitTests {

    private static final List<SqlColumn> TAG = SqlColumn.boundAll("epc_hex", "epc_bits", "tid");

    @Test
    void upsertUpdatesEveryColumnButTheKeyOnPostgis() {
        assertThat(SqlDialect.POSTGIS.upsert("tag", List.of("epc_hex"), TAG)).isEqualTo(
                "INSERT INTO tag (epc_hex, epc_bits, tid) VALUES (?,?,?) ON CONFLICT (epc_hex) DO UPDATE SET"
                        + " epc_bits = EXCLUDED.epc_bits, tid = EXCLUDED.tid");
    }

    @Test
    void upsertIsMergeByKeyOnH2gis() {
        assertThat(SqlDialect.H2GIS.upsert("tag", List.of("epc_hex"), TAG))
                .isEqualTo("MERGE INTO tag (epc_hex, epc_bits, tid) KEY (epc_hex) VALUES (?,?,?)");
    }

    @Test
    void upsertKeepsValueExpressions() {
        List<SqlColumn> columns = List.of(SqlColumn.bound("id"), SqlColumn.expression("geom", "ST_GeomFromWKB(?, 4326)"),
                SqlColumn.expression("anchor", "ST_SetSRID(ST_MakePoint(?, ?), 4326)"));
        assertThat(SqlDialect.POSTGIS.upsert("location", List.of("id"), columns)).isEqualTo(
                "INSERT INTO location (id, geom, anchor) VALUES (?,ST_GeomFromWKB(?, 4326),ST_SetSRID(ST_MakePoint(?, ?), 4326))"
                        + " ON CONFLICT (id) DO UPDATE SET geom = EXCLUDED.geom, anchor = EXCLUDED.anchor");
        assertThat(SqlDialect.H2GIS.upsert("location", List.of("id"), columns)).isEqualTo(
                "MERGE INTO location (id, geom, anchor) KEY (id) VALUES (?,ST_GeomFromWKB(?, 4326),ST_SetSRID(ST_MakePoint(?, ?), 4326))");
    }

    @Test
    void upsertOfKeyColumnsOnlyDoesNothingOnConflict() {
        assertThat(SqlDialect.POSTGIS.upsert("t", List.of("a", "b"), SqlColumn.boundAll("a", "b")))
                .isEqualTo("INSERT INTO t (a, b) VALUES (?,?) ON CONFLICT (a, b) DO NOTHING");
    }

    private static final List<SqlColumn> NEW_TAG = List.of(
            SqlColumn.bound("epc_hex", "VARCHAR"), SqlColumn.bound("epc_bits", "INT"), SqlColumn.expression("tid", "NULL"));

    @Test
    void insertIfAbsentDoesNothingOnConflictOnPostgis() {
        assertThat(SqlDialect.POSTGIS.insertIfAbsent("tag", List.of("epc_hex"), NEW_TAG))
                .isEqualTo("INSERT INTO tag (epc_hex, epc_bits, tid) VALUES (?,?,NULL) ON CONFLICT (epc_hex) DO NOTHING");
    }

    @Test
    void insertIfAbsentMergesCastValuesWhenNotMatchedOnH2gis() {
        assertThat(SqlDialect.H2GIS.insertIfAbsent("tag", List.of("epc_hex"), NEW_TAG)).isEqualTo(
                "MERGE INTO tag t USING (VALUES (CAST(? AS VARCHAR), CAST(? AS INT))) s(epc_hex, epc_bits) ON t.epc_hex = s.epc_hex"
                        + " WHEN NOT MATCHED THEN INSERT (epc_hex, epc_bits, tid) VALUES (s.epc_hex, s.epc_bits, NULL)");
    }

    @Test
    void partitionColumnsJoinTheConflictTargetOnPostgisOnly() {
        List<SqlColumn> columns = List.of(SqlColumn.bound("id", "VARCHAR"), SqlColumn.bound("first_seen", "TIMESTAMP WITH TIME ZONE"));
        assertThat(SqlDialect.POSTGIS.insertIfAbsent("passage", List.of("id"), List.of("first_seen"), columns))
                .isEqualTo("INSERT INTO passage (id, first_seen) VALUES (?,?) ON CONFLICT (id, first_seen) DO NOTHING");
        assertThat(SqlDialect.H2GIS.insertIfAbsent("passage", List.of("id"), List.of("first_seen"), columns)).isEqualTo(
                "MERGE INTO passage t USING (VALUES (CAST(? AS VARCHAR), CAST(? AS TIMESTAMP WITH TIME ZONE))) s(id, first_seen)"
                        + " ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id, first_seen) VALUES (s.id, s.first_seen)");
    }

    @Test
    void compositeKeysMatchOnEveryColumnOnH2gis() {
        assertThat(SqlDialect.H2GIS.insertIfAbsent("t", List.of("a", "b"), SqlColumn.boundAll("a", "b", "c")))
                .isEqualTo("MERGE INTO t t USING (VALUES (?, ?, ?)) s(a, b, c) ON t.a = s.a AND t.b = s.b"
                        + " WHEN NOT MATCHED THEN INSERT (a, b, c) VALUES (s.a, s.b, s.c)");
    }
}
