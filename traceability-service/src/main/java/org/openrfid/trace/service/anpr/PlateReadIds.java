package org.openrfid.trace.service.anpr;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import org.openrfid.trace.passage.Instants;

/**
 * The deterministic id of a plate read: the first 63 bits of SHA-256 over camera, plate and read time
 * (microseconds), so a camera re-sending a read (a retried POST, an MQTT redelivery) stores it once.
 */
public final class PlateReadIds {

    private PlateReadIds() {
    }

    public static long of(String cameraId, String plate, Instant timestamp) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(cameraId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0x1F);
            sha.update(plate.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0x1F);
            sha.update(Long.toString(Instants.toMicros(timestamp)).getBytes(StandardCharsets.US_ASCII));
            long id = ByteBuffer.wrap(sha.digest()).getLong() & Long.MAX_VALUE;
            return id == 0 ? 1 : id; // 0 means "not stored yet"
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The read with its id. */
    public static PlateRead identify(PlateRead r) {
        return new PlateRead(of(r.cameraId(), r.plate(), r.timestamp()), r.cameraId(), r.locationId(), r.plate(), r.plateColour(),
                r.confidence(), r.timestamp(), r.direction(), r.receivedAt());
    }
}
