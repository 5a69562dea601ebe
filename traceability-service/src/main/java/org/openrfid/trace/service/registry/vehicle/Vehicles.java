package org.openrfid.trace.service.registry.vehicle;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The vehicle registry (port). Plate and VIN are each unique. */
public interface Vehicles {

    /** Inserts or replaces by id, in one transaction. */
    void save(Collection<Vehicle> vehicles);

    Optional<Vehicle> find(UUID id);

    /** By plate in any accepted spelling ({@code 渝A12345}, {@code 渝A·12345}). */
    Optional<Vehicle> findByPlate(String plate);

    /** The registered vehicles among these VINs, by VIN. */
    Map<String, Vehicle> findByVins(Collection<String> vins);

    /** Up to {@code limit} vehicles ordered by plate (code point order), after plate {@code afterPlate} (null: from the start). */
    List<Vehicle> page(String afterPlate, int limit);

    long count();
}
