package org.openrfid.trace.service.anpr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openrfid.trace.pipeline.ingest.IngestRejection;
import org.openrfid.trace.pipeline.ingest.IngestRejection.Reason;

/**
 * Camera JSON to plate reads. A payload is one read object, {@code {"reads":[…]}} or a JSON array of
 * reads; each read stands alone, so a bad one is refused (with the field named, {@code reads[2].plate:
 * …}) and the others are kept:
 * <pre>{"cameraId":"cam-7","location":"CQ-CP-001","plate":"渝A12345","plateColour":"blue",
 *  "confidence":0.93,"timestamp":"2026-11-24T08:00:00Z","direction":"IN"}</pre>
 * {@code locationId} is taken for {@code location}; {@code timestamp} is ISO-8601 or epoch
 * milliseconds; {@code confidence} is 0..1 (a number above 1 up to 100 is read as per cent).
 */
public final class PlateReadJson {

    static final int MAX_ID = 64;

    /** One read of a payload, mapped or refused; {@code json} is the read's own text, for the dead letters. */
    public record Mapped(PlateRead read, String field, IngestRejection refusal, String json) {
    }

    private final ObjectMapper json;

    public PlateReadJson(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param cameraHint the camera named by the transport (the MQTT topic, a query parameter), for reads naming none
     * @throws IngestRejection for a payload that is no JSON or holds no reads at all
     */
    public List<Mapped> map(String payload, String cameraHint, Instant receivedAt) {
        if (payload == null || payload.isBlank()) {
            throw new IngestRejection(Reason.MALFORMED_JSON, "empty payload");
        }
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IngestRejection(Reason.MALFORMED_JSON, "not JSON: " + e.getOriginalMessage());
        }
        List<Mapped> out = new ArrayList<>();
        if (root.isObject() && root.has("reads")) {
            JsonNode reads = root.get("reads");
            if (!reads.isArray()) {
                throw new IngestRejection(Reason.INVALID_FIELD, "reads: is not an array");
            }
            String outerCamera = text(root, "cameraId");
            for (int i = 0; i < reads.size(); i++) {
                out.add(one(reads.get(i), "reads[" + i + "].", outerCamera != null ? outerCamera : cameraHint, receivedAt));
            }
        } else if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                out.add(one(root.get(i), "[" + i + "].", cameraHint, receivedAt));
            }
        } else if (root.isObject()) {
            out.add(one(root, "", cameraHint, receivedAt));
        } else {
            throw new IngestRejection(Reason.UNKNOWN_FORMAT, "a plate read is a JSON object, {\"reads\":[…]} or an array of objects");
        }
        if (out.isEmpty()) {
            throw new IngestRejection(Reason.MISSING_FIELD, "reads: no plate read in the payload");
        }
        return out;
    }

    private Mapped one(JsonNode node, String prefix, String cameraHint, Instant receivedAt) {
        String raw = node == null ? "null" : node.toString();
        try {
            if (node == null || !node.isObject()) {
                throw refused(Reason.INVALID_FIELD, prefix.isEmpty() ? "read" : prefix.substring(0, prefix.length() - 1), "is not an object");
            }
            String camera = text(node, "cameraId");
            camera = camera != null ? camera : cameraHint;
            requireId(prefix + "cameraId", camera, "(in the read, or the camera named by the topic rfid/plates/<cameraId>)");
            String location = text(node, "location");
            location = location != null ? location : text(node, "locationId");
            requireId(prefix + "location", location, "");
            String plate;
            try {
                plate = PlateNormaliser.normalise(text(node, "plate"));
            } catch (IllegalArgumentException e) {
                throw refused(text(node, "plate") == null ? Reason.MISSING_FIELD : Reason.INVALID_FIELD, prefix + "plate", e.getMessage());
            }
            String colour = text(node, "plateColour");
            if (colour != null && (colour.length() > 16 || !colour.matches("[A-Za-z_]+"))) {
                throw refused(Reason.INVALID_FIELD, prefix + "plateColour", "'" + colour + "' is not a colour name (blue, yellow, green, ...)");
            }
            double confidence = confidence(node.get("confidence"), prefix + "confidence");
            Instant timestamp = timestamp(node.get("timestamp"), prefix + "timestamp");
            String direction = direction(text(node, "direction"), prefix + "direction");
            PlateRead read = new PlateRead(0, camera, location, plate, colour == null ? null : colour.toLowerCase(Locale.ROOT),
                    confidence, timestamp, direction, receivedAt);
            return new Mapped(PlateReadIds.identify(read), null, null, raw);
        } catch (Refused r) {
            return new Mapped(null, r.field, r.rejection, raw);
        }
    }

    private static double confidence(JsonNode v, String field) {
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw refused(Reason.INVALID_FIELD, field, "'" + v.asText() + "' is not a number (0..1)");
        }
        double c = v.asDouble();
        if (c > 1 && c <= 100) {
            c = c / 100; // per cent, as some cameras say it
        }
        if (!(c >= 0 && c <= 1)) {
            throw refused(Reason.INVALID_FIELD, field, v.asText() + " is outside 0..1");
        }
        return c;
    }

    private static Instant timestamp(JsonNode v, String field) {
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            throw refused(Reason.MISSING_FIELD, field, "is required (ISO-8601, e.g. 2026-11-24T08:00:00Z, or epoch milliseconds)");
        }
        try {
            Instant t = v.isNumber() ? Instant.ofEpochMilli(v.asLong()) : Instant.parse(v.asText().trim());
            // The stores keep microseconds: a read must come back as it went in.
            return t.truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw refused(Reason.INVALID_FIELD, field, "'" + v.asText() + "' is not an ISO-8601 instant (2026-11-24T08:00:00Z)");
        }
    }

    private static String direction(String d, String field) {
        if (d == null) {
            return null;
        }
        String u = d.toUpperCase(Locale.ROOT);
        if (!u.equals("IN") && !u.equals("OUT")) {
            throw refused(Reason.INVALID_FIELD, field, "'" + d + "' is not IN or OUT");
        }
        return u;
    }

    private static void requireId(String field, String value, String hint) {
        if (value == null) {
            throw refused(Reason.MISSING_FIELD, field, ("is required " + hint).trim());
        }
        if (value.length() > MAX_ID || value.chars().anyMatch(Character::isISOControl)) {
            throw refused(Reason.INVALID_FIELD, field, "at most " + MAX_ID + " characters, no control characters");
        }
    }

    /** The field's text, trimmed; null when absent, null or blank. */
    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    private static Refused refused(Reason reason, String field, String why) {
        return new Refused(field, new IngestRejection(reason, field + ": " + why));
    }

    /** Carries a refusal out of the field checks of one read. */
    private static final class Refused extends RuntimeException {
        final String field;
        final IngestRejection rejection;

        Refused(String field, IngestRejection rejection) {
            super(null, null, false, false);
            this.field = field;
            this.rejection = rejection;
        }
    }
}
