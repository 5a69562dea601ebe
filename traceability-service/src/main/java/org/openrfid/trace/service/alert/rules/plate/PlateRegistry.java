package org.openrfid.trace.service.alert.rules.plate;

import java.util.Optional;
import java.time.Instant;

/** What the plate rules ask of the registry (port; {@link RegistryPlates} over the vehicle and binding stores). */
interface PlateRegistry {

    /** A registered vehicle: its id, plate in normal form ({@code 渝A12345}) and as the registry shows it ({@code 渝A·12345}). */
    record RegisteredVehicle(String id, String plate, String displayPlate) {
    }

    Optional<RegisteredVehicle> vehicle(String vehicleId);

    /** The vehicle with this plate (normal form); empty for plates the registry cannot hold (foreign ones). */
    Optional<RegisteredVehicle> byPlate(String plate);

    /** The EPC (upper-case hex) of the tag bound to the vehicle at {@code at}; empty when none was. */
    Optional<String> tagAt(String vehicleId, Instant at);
}
