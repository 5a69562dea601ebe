package org.openrfid.trace.service.anpr;

import java.time.Instant;
import java.util.Objects;

/**
 * One camera (ANPR) plate read, accepted and normalised.
 *
 * @param id         0 until stored
 * @param cameraId   the camera that read it
 * @param locationId where the camera looks
 * @param plate      the plate as read, normalised (half-width, upper case, no separator: {@code 渝A12345})
 * @param plateColour blue, yellow, green, white, black... as the camera said, or null
 * @param confidence 0..1, or NaN when the camera did not say
 * @param timestamp  camera time of the read
 * @param direction  {@code IN}, {@code OUT} or null
 * @param receivedAt when this process accepted it
 */
public record PlateRead(long id, String cameraId, String locationId, String plate, String plateColour, double confidence,
                        Instant timestamp, String direction, Instant receivedAt) {

    public PlateRead {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
