package org.openrfid.trace.passage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.openrfid.trace.reader.RawEpc;

/**
 * Deterministic passage ids: a hash of tag, location and first-seen time (DESIGN.md §2). A replay
 * after a failure produces the same id, so at-least-once delivery has exactly-once effect.
 */
public final class PassageId {

    private PassageId() {
    }

    /** 32 hex digits: the first 128 bits of SHA-256 over "epcHex/bits|location|firstSeenMicros". */
    public static String of(RawEpc epc, String locationId, long firstSeenMicros) {
        String canonical = epc.toHex() + "/" + epc.bitLength() + "|" + locationId + "|" + firstSeenMicros;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
