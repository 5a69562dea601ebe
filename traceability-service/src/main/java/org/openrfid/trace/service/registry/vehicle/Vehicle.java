package org.openrfid.trace.service.registry.vehicle;

import java.util.Objects;
import java.util.UUID;
import org.openrfid.trace.service.registry.binding.Tids;

/**
 * A registered motor vehicle. Fields are validated and put in normal form on construction (see
 * {@link VehicleFields}); the windscreen tag itself is a {@code Tag} bound to the vehicle's id.
 *
 * @param plate         national display form, e.g. {@code 渝A·12345}
 * @param plateType     GA 24.7 code
 * @param plateColour   blue, yellow, green, yellow_green, white, black
 * @param vehicleType   GA 24.4 code
 * @param vin           ISO 3779 VIN with a valid check digit
 * @param status        active, stolen, inspection_expired, seized, scrapped, deregistered
 * @param registeredTid the TID of the e-plate chip issued to this vehicle, or null
 */
public record Vehicle(UUID id, String plate, String plateType, String plateColour, String vehicleType, String vin,
                      String status, String registeredTid) {

    public Vehicle {
        Objects.requireNonNull(id, "id");
        plate = VehicleFields.plate(plate);
        plateType = VehicleFields.plateType(plateType);
        VehicleFields.plateMatchesType(plate, plateType);
        plateColour = VehicleFields.plateColour(plateColour);
        vehicleType = VehicleFields.vehicleType(vehicleType);
        vin = VehicleFields.vin(vin);
        status = VehicleFields.status(status);
        registeredTid = registeredTid == null || registeredTid.isBlank() ? null : Tids.normalise(registeredTid);
    }

    public Vehicle withId(UUID newId) {
        return new Vehicle(newId, plate, plateType, plateColour, vehicleType, vin, status, registeredTid);
    }
}
