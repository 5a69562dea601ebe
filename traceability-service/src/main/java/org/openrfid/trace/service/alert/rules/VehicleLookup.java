package org.openrfid.trace.service.alert.rules;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.registry.vehicle.Vehicles;

/**
 * The registered vehicle behind a passage, for plates in summaries and vehicle types in restrictions.
 * Rules run per passage, so lookups are cached (bounded, and expiring: a re-registered vehicle type
 * shows within the expiry). A registry failure answers "unknown" rather than stopping the rule.
 */
@FunctionalInterface
public interface VehicleLookup {

    Optional<Vehicle> vehicle(String vehicleId);

    default Optional<Vehicle> of(BoundObject object) {
        return object != null && object.kind() == ObjectKind.VEHICLE ? vehicle(object.id()) : Optional.empty();
    }

    default String plateOf(BoundObject object) {
        return of(object).map(Vehicle::plate).orElse(null);
    }

    /** No registry: every vehicle unknown. */
    static VehicleLookup none() {
        return id -> Optional.empty();
    }

    static VehicleLookup cached(Vehicles vehicles, long maxEntries, Duration expiry) {
        Cache<String, Optional<Vehicle>> cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(expiry).build();
        return id -> {
            Optional<Vehicle> known = cache.getIfPresent(id);
            if (known != null) {
                return known;
            }
            Optional<Vehicle> found;
            try {
                found = vehicles.find(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                found = Optional.empty(); // not a vehicle id
            } catch (RuntimeException e) {
                return Optional.empty(); // registry away: try again next time, cache nothing
            }
            cache.put(id, found);
            return found;
        };
    }
}
