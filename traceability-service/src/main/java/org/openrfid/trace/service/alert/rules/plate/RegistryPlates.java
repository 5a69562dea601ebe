package org.openrfid.trace.service.alert.rules.plate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.openrfid.trace.service.anpr.PlateNormaliser;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.registry.vehicle.Vehicles;

/**
 * The registry for the plate rules, with a small cache in front: the rules run on the engine's thread
 * and ask about the same few vehicles at a checkpoint again and again. Entries live {@link #TTL} (a
 * re-registered plate or a new tag is seen within it) and at most {@link #MAX_ENTRIES} of each kind
 * are kept. Not thread-safe: one per rule, like the rule.
 */
final class RegistryPlates implements PlateRegistry {

    static final Duration TTL = Duration.ofSeconds(30);
    static final int MAX_ENTRIES = 10_000;

    private final Vehicles vehicles;
    private final TagBindings bindings;
    private final Clock clock;
    private final Cache<Optional<RegisteredVehicle>> byId = new Cache<>();
    private final Cache<Optional<RegisteredVehicle>> byPlate = new Cache<>();
    private final Cache<Optional<TagBinding>> tags = new Cache<>();

    RegistryPlates(Vehicles vehicles, TagBindings bindings, Clock clock) {
        this.vehicles = vehicles;
        this.bindings = bindings;
        this.clock = clock;
    }

    @Override
    public Optional<RegisteredVehicle> vehicle(String vehicleId) {
        return byId.get(vehicleId, clock.instant(), id -> {
            try {
                return vehicles.find(UUID.fromString(id)).map(RegistryPlates::registered);
            } catch (IllegalArgumentException notAVehicleId) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<RegisteredVehicle> byPlate(String plate) {
        if (!PlateNormaliser.isChinese(plate)) {
            return Optional.empty(); // the registry holds national plates only
        }
        return byPlate.get(plate, clock.instant(), p -> {
            try {
                return vehicles.findByPlate(p).map(RegistryPlates::registered);
            } catch (IllegalArgumentException notRegistrable) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<String> tagAt(String vehicleId, Instant at) {
        // The vehicle's binding current now covers nearly every read a rule decides on; older ones are asked for.
        Optional<TagBinding> open = tags.get(vehicleId, clock.instant(),
                id -> Optional.ofNullable(bindings.openOf(ObjectKind.VEHICLE, java.util.List.of(id)).get(id)));
        if (open.isPresent() && open.get().covers(at)) {
            return Optional.of(open.get().epcHex());
        }
        return bindings.ofObject(ObjectKind.VEHICLE, vehicleId).stream().filter(b -> b.covers(at)).map(TagBinding::epcHex).findFirst();
    }

    private static RegisteredVehicle registered(Vehicle v) {
        return new RegisteredVehicle(v.id().toString(), PlateNormaliser.normalise(v.plate()), v.plate());
    }

    /** A bounded map with expiry, oldest entries evicted first. */
    private static final class Cache<V> {
        private record Entry<V>(V value, Instant until) {
        }

        private final LinkedHashMap<String, Entry<V>> map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry<V>> eldest) {
                return size() > MAX_ENTRIES;
            }
        };

        V get(String key, Instant now, Function<String, V> load) {
            Entry<V> e = map.get(key);
            if (e == null || now.isAfter(e.until())) {
                e = new Entry<>(load.apply(key), now.plus(TTL));
                map.put(key, e);
            }
            return e.value();
        }
    }
}
