package org.openrfid.trace.service.library.sip2;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SIP2 messages the gate needs (3M Standard Interchange Protocol v2.00): Login (93 → 94) and Item
 * Information (17 → 18). Fixed-length fields come first; variable-length ones are a two-letter identifier,
 * the value and a '|'. Dates are 18 characters {@code YYYYMMDDZZZZHHMMSS}, the zone "UTC" padded to four.
 */
public final class Sip2Messages {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private Sip2Messages() {
    }

    /** {@code YYYYMMDDZZZZHHMMSS} in UTC, as SIP2 writes a transaction date. */
    public static String date(java.time.Instant at) {
        ZonedDateTime t = at.atZone(ZoneOffset.UTC);
        return DATE.format(t) + "UTC " + TIME.format(t);
    }

    /** Item Information, 17: transaction date, AO institution id, AB item identifier, AC terminal password (optional). */
    public static String itemInformation(java.time.Instant at, String institution, String itemId, String terminalPassword) {
        StringBuilder m = new StringBuilder("17").append(date(at));
        field(m, "AO", institution == null ? "" : institution);
        field(m, "AB", itemId);
        if (terminalPassword != null && !terminalPassword.isEmpty()) {
            field(m, "AC", terminalPassword);
        }
        return m.toString();
    }

    /** Login, 93: UID and PWD algorithms (0: not encrypted), CN user id, CO password, CP location code (optional). */
    public static String login(String user, String password, String location) {
        StringBuilder m = new StringBuilder("9300");
        field(m, "CN", user);
        field(m, "CO", password == null ? "" : password);
        if (location != null && !location.isEmpty()) {
            field(m, "CP", location);
        }
        return m.toString();
    }

    /** Whether a Login Response (94) says ok: "941". */
    public static boolean loginOk(String response) {
        return response.startsWith("941");
    }

    /** Parses an Item Information Response (18); empty when the message is not one or is cut short. */
    public static Optional<ItemInformation> parseItemInformation(String message) {
        // 18 + circulation status (2) + security marker (2) + fee type (2) + transaction date (18)
        int fixed = 2 + 2 + 2 + 2 + 18;
        if (!message.startsWith("18") || message.length() < fixed) {
            return Optional.empty();
        }
        String status = message.substring(2, 4);
        if (!status.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(new ItemInformation(status, message.substring(4, 6), message.substring(8, fixed),
                fields(message.substring(fixed))));
    }

    /** The variable-length fields: identifier, value, '|'; the trailing error-detection fields are left out. */
    static Map<String, String> fields(String rest) {
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 0;
        while (i + 2 <= rest.length()) {
            String id = rest.substring(i, i + 2);
            if (id.equals("AY")) {
                break; // AY<digit>AZ<checksum> ends the message and has no '|'
            }
            int bar = rest.indexOf('|', i + 2);
            if (bar < 0) {
                break;
            }
            fields.putIfAbsent(id, rest.substring(i + 2, bar));
            i = bar + 1;
        }
        return fields;
    }

    private static void field(StringBuilder m, String id, String value) {
        if (value.indexOf('|') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(id + ": a SIP2 field may not contain '|' or a carriage return");
        }
        m.append(id).append(value).append('|');
    }
}
