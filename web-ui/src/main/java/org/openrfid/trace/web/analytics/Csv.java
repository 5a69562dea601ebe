package org.openrfid.trace.web.analytics;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 lines: a field with a comma, quote or line break is quoted, quotes doubled; a formula-like start is defused. */
final class Csv {

    private Csv() {
    }

    static String line(List<?> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof Double d ? number(d) : String.valueOf(value);
        // a spreadsheet would run "=…" as a formula: names come from registries anyone may have filled
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** Whole numbers without ".0", others to three decimals. */
    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(java.util.Locale.ROOT, "%.3f", d);
    }
}
