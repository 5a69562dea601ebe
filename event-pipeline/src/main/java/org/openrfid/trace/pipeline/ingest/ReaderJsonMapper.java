package org.openrfid.trace.pipeline.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;

/**
 * Maps one JSON message from a reader that pushes (HTTP or MQTT) to tag reads. Three shapes are
 * recognised by their fields:
 *
 * <ul>
 *   <li><b>Generic</b> (this project's own, for gateways and scripts):
 *   <pre>{"readerId":"gantry-7","reads":[{"epc":"3034257BF7194E4000001A85","antenna":1,"rssi":-55.5,
 *    "timestamp":"2025-01-01T08:00:00.123456Z","tid":"E2801160...","count":3}]}</pre>
 *   {@code epc} is required (hex, or any form {@link EpcInput} accepts: tag / pure-identity / raw URI);
 *   {@code antenna} (default 0), {@code rssi} in dBm, {@code timestamp} (ISO-8601 or a number of
 *   microseconds since 1970; default: now), {@code tid} and {@code count} (default 1) are optional.
 *   {@code readerId} may be left out when the transport names the reader (MQTT topic, query parameter).</li>
 *   <li><b>Impinj IoT device interface</b> event ({@code eventType} {@code tagInventory}, fields as in
 *   Impinj's TagInventoryEvent): {@code tagInventoryEvent.epcHex} (or base64 {@code epc}),
 *   {@code antennaPort}, {@code peakRssiCdbm}, {@code tidHex}, {@code lastSeenTime}; the envelope's
 *   {@code hostname} is the reader id and {@code timestamp} the fallback time. Other event types
 *   (inventory status, diagnostics) carry no reads and are skipped, not refused.</li>
 *   <li><b>Zebra IoT Connector</b> data event: {@code {"data":{"idHex":..,"antenna":..,"peakRssi":..,"reads":..,
 *   "eventNum":..,"TID":..},"timestamp":..,"type":"SIMPLE"}}; {@code peakRssi} is in dBm, {@code reads}
 *   the seen count. The envelope names no reader, so the transport must (or {@code hostName}).</li>
 * </ul>
 *
 * Thread-safe: the Jackson mapper is shared read-only.
 */
public final class ReaderJsonMapper {

    private static final java.time.format.DateTimeFormatter COMPACT_OFFSET = new java.time.format.DateTimeFormatterBuilder()
            .append(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HHmm", "Z").toFormatter();

    private final ObjectMapper json;

    public ReaderJsonMapper(ObjectMapper json) {
        this.json = json;
    }

    /** One read with the reader it belongs to (a stream may mix readers). */
    public record MappedRead(String readerId, TagRead read) {
    }

    /** Parses and maps one message (one JSON value: an object, or an array of objects). */
    public List<MappedRead> map(String message, String readerHint, long nowMicros) {
        JsonNode root;
        try {
            root = json.readTree(message);
        } catch (JsonProcessingException e) {
            throw new IngestRejection(IngestRejection.Reason.MALFORMED_JSON, "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new IngestRejection(IngestRejection.Reason.MALFORMED_JSON, "empty message");
        }
        List<MappedRead> out = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                mapObject(root.get(i), "[" + i + "]", readerHint, nowMicros, out);
            }
        } else {
            mapObject(root, "", readerHint, nowMicros, out);
        }
        return out;
    }

    private void mapObject(JsonNode node, String path, String readerHint, long now, List<MappedRead> out) {
        if (!node.isObject()) {
            throw new IngestRejection(IngestRejection.Reason.UNKNOWN_FORMAT, at(path, "a JSON object was expected"));
        }
        if (node.has("reads") && node.get("reads").isArray()) {
            mapGeneric(node, path, readerHint, now, out);
        } else if (node.has("tagInventoryEvent") || node.has("eventType")) {
            mapImpinj(node, path, readerHint, now, out);
        } else if (node.has("data") && node.get("data").isObject()) {
            mapZebra(node, path, readerHint, now, out);
        } else {
            throw new IngestRejection(IngestRejection.Reason.UNKNOWN_FORMAT, at(path,
                    "neither the generic format (readerId, reads), an Impinj event (eventType, tagInventoryEvent)"
                            + " nor a Zebra data event (data.idHex)"));
        }
    }

    private void mapGeneric(JsonNode node, String path, String hint, long now, List<MappedRead> out) {
        String reader = readerId(text(node, "readerId"), hint, path);
        JsonNode reads = node.get("reads");
        for (int i = 0; i < reads.size(); i++) {
            JsonNode r = reads.get(i);
            String p = path.isEmpty() ? "reads[" + i + "]" : path + ".reads[" + i + "]";
            if (!r.isObject()) {
                throw new IngestRejection(IngestRejection.Reason.INVALID_FIELD, at(p, "a read must be an object"));
            }
            RawEpc epc = epc(required(r, "epc", p), p + ".epc");
            int antenna = intField(r, "antenna", 0, 0, 65535, p);
            int rssi = r.has("rssi") && !r.get("rssi").isNull() ? cdbm(number(r, "rssi", p), p + ".rssi") : TagRead.NO_RSSI;
            long time = r.has("timestamp") && !r.get("timestamp").isNull() ? time(r.get("timestamp"), p + ".timestamp") : now;
            int count = intField(r, "count", 1, 1, Integer.MAX_VALUE, p);
            String tid = hex(text(r, "tid"), p + ".tid");
            out.add(new MappedRead(reader, new TagRead(reader, antenna, epc, tid, null, rssi, -1, -1, time, time, count, now)));
        }
    }

    private void mapImpinj(JsonNode node, String path, String hint, long now, List<MappedRead> out) {
        String type = text(node, "eventType");
        JsonNode event = node.get("tagInventoryEvent");
        if (event == null || event.isNull()) {
            if (type != null && !"tagInventory".equals(type)) {
                return; // status, diagnostic and GPI events carry no reads
            }
            throw new IngestRejection(IngestRejection.Reason.MISSING_FIELD, at(path, "tagInventoryEvent is missing"));
        }
        String p = path.isEmpty() ? "tagInventoryEvent" : path + ".tagInventoryEvent";
        if (!event.isObject()) {
            throw new IngestRejection(IngestRejection.Reason.INVALID_FIELD, at(p, "must be an object"));
        }
        String reader = readerId(text(node, "hostname"), hint, path);
        RawEpc epc;
        if (text(event, "epcHex") != null) {
            epc = epc(text(event, "epcHex"), p + ".epcHex");
        } else if (text(event, "epc") != null) {
            try {
                byte[] bytes = Base64.getDecoder().decode(text(event, "epc"));
                if (bytes.length == 0) {
                    throw new IllegalArgumentException("empty");
                }
                epc = new RawEpc(bytes, bytes.length * 8);
            } catch (IllegalArgumentException e) {
                throw new IngestRejection(IngestRejection.Reason.INVALID_FIELD, at(p + ".epc", "is not base64: " + e.getMessage()));
            }
        } else {
            throw new IngestRejection(IngestRejection.Reason.MISSING_FIELD, at(p, "epcHex (or epc) is missing"));
        }
        int antenna = intField(event, "antennaPort", 0, 0, 65535, p);
        int rssi = event.has("peakRssiCdbm") && !event.get("peakRssiCdbm").isNull()
                ? intField(event, "peakRssiCdbm", 0, -20_000, 20_000, p) : TagRead.NO_RSSI;
        JsonNode timeNode = event.has("lastSeenTime") ? event.get("lastSeenTime") : node.get("timestamp");
        long time = timeNode == null || timeNode.isNull() ? now : time(timeNode, event.has("lastSeenTime") ? p + ".lastSeenTime" : "timestamp");
        String tid = hex(text(event, "tidHex"), p + ".tidHex");
        out.add(new MappedRead(reader, new TagRead(reader, antenna, epc, tid, null, rssi, -1, -1, time, time, 1, now)));
    }

    private void mapZebra(JsonNode node, String path, String hint, long now, List<MappedRead> out) {
        JsonNode data = node.get("data");
        String p = path.isEmpty() ? "data" : path + ".data";
        String host = text(node, "hostName") != null ? text(node, "hostName") : text(data, "hostName");
        String reader = readerId(host, hint, path);
        RawEpc epc = epc(required(data, "idHex", p), p + ".idHex");
        int antenna = intField(data, "antenna", 0, 0, 65535, p);
        int rssi = data.has("peakRssi") && !data.get("peakRssi").isNull() ? cdbm(number(data, "peakRssi", p), p + ".peakRssi") : TagRead.NO_RSSI;
        int count = intField(data, "reads", 1, 1, Integer.MAX_VALUE, p);
        JsonNode timeNode = node.get("timestamp");
        long time = timeNode == null || timeNode.isNull() ? now : time(timeNode, "timestamp");
        String tid = hex(text(data, "TID") != null ? text(data, "TID") : text(data, "tid"), p + ".TID");
        out.add(new MappedRead(reader, new TagRead(reader, antenna, epc, tid, null, rssi, -1, -1, time, time, count, now)));
    }

    private static String readerId(String fromMessage, String hint, String path) {
        String id = fromMessage != null && !fromMessage.isBlank() ? fromMessage : hint;
        if (id == null || id.isBlank()) {
            throw new IngestRejection(IngestRejection.Reason.NO_READER_ID, at(path,
                    "the message names no reader: send readerId / hostname, or name it in the MQTT topic or ?readerId="));
        }
        return id.trim();
    }

    private static String required(JsonNode node, String field, String path) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IngestRejection(IngestRejection.Reason.MISSING_FIELD, at(path.isEmpty() ? field : path + "." + field, "is missing"));
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static RawEpc epc(String text, String path) {
        try {
            return EpcInput.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IngestRejection(IngestRejection.Reason.INVALID_FIELD, at(path, e.getMessage()));
        }
    }

    private static String hex(String text, String path) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.trim();
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                throw new IngestRejection(IngestRejection.Reason.INVALID_FIELD, at(path, "is not hex: '" + s + "'"));
            }
        }
        return s.toUpperCase(Locale.ROOT);
    }

    private static double number(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (!v.isNumber()) {
            throw new IngestRejection(IngestRejection.Reason.INVALID_FIELD, at(path + "." + field, "must be a number, was " + v));
        }
        return v.asDouble();
    }

    private static int cdbm(double dbm, String path) {
        if (!(dbm >= -200 && dbm <= 200)) {
            throw new IngestRejection(IngestRejection.Reason.INVALID_FIELD, at(path, "RSSI " + dbm + " dBm is out of range"));
        }
        return (int) Math.round(dbm * 100);
    }

    private static int intField(JsonNode node, String field, int absent, int min, int max, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            throw new IngestRejection(IngestRejection.Reason.INVALID_FIELD,
                    at(path.isEmpty() ? field : path + "." + field, "must be an integer " + min + ".." + max + ", was " + v));
        }
        return v.asInt();
    }

    /** ISO-8601 with offset, or a number of microseconds since 1970 (LLRP's unit). */
    static long time(JsonNode v, String path) {
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isTextual()) {
            try {
                return Instants.toMicros(OffsetDateTime.parse(v.asText()).toInstant());
            } catch (DateTimeParseException e) {
                try {
                    // Zebra writes offsets without a colon: 2021-03-02T07:04:12.345+0000
                    return Instants.toMicros(OffsetDateTime.parse(v.asText(), COMPACT_OFFSET).toInstant());
                } catch (DateTimeParseException e2) {
                    throw new IngestRejection(IngestRejection.Reason.INVALID_FIELD, at(path, "is not an ISO-8601 time: '" + v.asText() + "'"));
                }
            }
        }
        throw new IngestRejection(IngestRejection.Reason.INVALID_FIELD, at(path, "must be ISO-8601 text or microseconds, was " + v));
    }

    private static String at(String path, String message) {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
