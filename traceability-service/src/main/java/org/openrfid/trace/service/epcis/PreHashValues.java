package org.openrfid.trace.service.epcis;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The canonical form of one value in the CBV 2.0 pre-hash string: times in UTC at millisecond
 * precision, CBV URNs as their web vocabulary URIs, numbers without redundant signs and zeros, and
 * identifiers as canonical GS1 Digital Links. Two spellings of the same value must hash alike.
 */
final class PreHashValues {

    /** The CBV web vocabulary, which bare CBV words and {@code urn:epcglobal:cbv:} URNs become. */
    static final String CBV = "https://ref.gs1.org/cbv/";

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private PreHashValues() {
    }

    /** The canonical text of field {@code name}'s value (a field named like a time, but not an offset, is a time). */
    static String canonical(String name, String text) {
        String lower = name.toLowerCase();
        if (lower.contains("time") && !lower.contains("offset")) {
            return utcMillis(text);
        }
        text = text.replace("urn:epcglobal:cbv:bizstep:", CBV + "BizStep-")
                .replace("urn:epcglobal:cbv:disp:", CBV + "Disp-")
                .replace("urn:epcglobal:cbv:btt:", CBV + "BTT-")
                .replace("urn:epcglobal:cbv:sdt:", CBV + "SDT-")
                .replace("urn:epcglobal:cbv:er:", CBV + "ER-");
        text = numeric(text);
        return DigitalLinks.normalise(text);
    }

    /** Numbers lose leading "+", leading and trailing zeros; integral values lose ".0". */
    static String numeric(String text) {
        if (!NUMBER.matcher(text).matches()) {
            return text;
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) {
            return text;
        }
        if (d == Math.rint(d)) {
            return new BigDecimal(d).toBigInteger().toString();
        }
        String s = Double.toString(d);
        return s.contains("E") ? new BigDecimal(s).toPlainString() : s;
    }

    /** A timestamp in UTC with millisecond precision (rounded), or the text unchanged if it is none. */
    static String utcMillis(String text) {
        Instant t;
        try {
            t = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                t = LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return text;
            }
        }
        return UTC_MILLIS.format(t.plusNanos(500_000).truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
    }
}
