package org.openrfid.trace.service.registry.vehicle.jdbc;

import org.openrfid.trace.service.platform.sql.Sql;
import org.openrfid.trace.service.platform.sql.SqlColumn;
import org.openrfid.trace.service.platform.sql.SqlDialect;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.registry.vehicle.VehicleFields;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/** Vehicles over JDBC; upsert by id with the dialect's upsert. */
public class JdbcVehicles implements Vehicles {

    private static final String COLUMNS = "id, plate, plate_type, plate_colour, vehicle_type, vin, status, registered_tid";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final String upsert;

    public JdbcVehicles(JdbcTemplate jdbc, TransactionTemplate tx, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.upsert = dialect.upsert("vehicle", List.of("id"), SqlColumn.boundAll(COLUMNS.split(", ")));
    }

    @Override
    public void save(Collection<Vehicle> vehicles) {
        List<Vehicle> batch = List.copyOf(vehicles);
        tx.executeWithoutResult(status -> jdbc.batchUpdate(upsert, batch, 500, (ps, v) -> {
            ps.setObject(1, v.id());
            ps.setString(2, v.plate());
            ps.setString(3, v.plateType());
            ps.setString(4, v.plateColour());
            ps.setString(5, v.vehicleType());
            ps.setString(6, v.vin());
            ps.setString(7, v.status());
            ps.setString(8, v.registeredTid());
        }));
    }

    @Override
    public Optional<Vehicle> find(UUID id) {
        return jdbc.query(SELECT + " WHERE id = ?", ROW, id).stream().findFirst();
    }

    @Override
    public Optional<Vehicle> findByPlate(String plate) {
        return jdbc.query(SELECT + " WHERE plate = ?", ROW, VehicleFields.plate(plate)).stream().findFirst();
    }

    @Override
    public Map<String, Vehicle> findByVins(Collection<String> vins) {
        Map<String, Vehicle> found = new HashMap<>();
        for (List<String> chunk : Sql.chunks(List.copyOf(vins), 500)) {
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            for (Vehicle v : jdbc.query(SELECT + " WHERE vin IN (" + marks + ")", ROW, chunk.toArray())) {
                found.put(v.vin(), v);
            }
        }
        return found;
    }

    @Override
    public List<Vehicle> page(String afterPlate, int limit) {
        return afterPlate == null
                ? jdbc.query(SELECT + " ORDER BY plate LIMIT ?", ROW, limit)
                : jdbc.query(SELECT + " WHERE plate > ? ORDER BY plate LIMIT ?", ROW, afterPlate, limit);
    }

    @Override
    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM vehicle", Long.class);
        return n == null ? 0 : n;
    }

    private static final String SELECT = "SELECT " + COLUMNS + " FROM vehicle";

    private static final RowMapper<Vehicle> ROW = (rs, row) -> new Vehicle(
            rs.getObject("id", UUID.class), rs.getString("plate"), rs.getString("plate_type"), rs.getString("plate_colour"),
            rs.getString("vehicle_type"), rs.getString("vin"), rs.getString("status"), rs.getString("registered_tid"));
}
