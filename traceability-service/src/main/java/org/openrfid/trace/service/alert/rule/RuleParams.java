package org.openrfid.trace.service.alert.rule;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of a rule's {@code params}; every refusal is an IllegalArgumentException whose message
 * starts with the field ({@code params.topSpeedKmh: ...}) so the API's problem detail names it.
 */
public final class RuleParams {

    private final Map<String, Object> params;

    RuleParams(Map<String, Object> params) {
        this.params = params;
    }

    public boolean has(String name) {
        return params.get(name) != null;
    }

    public double number(String name, double dflt, double min, double max) {
        Object v = params.get(name);
        if (v == null) {
            return dflt;
        }
        double d;
        if (v instanceof Number n) {
            d = n.doubleValue();
        } else {
            try {
                d = Double.parseDouble(v.toString().trim());
            } catch (NumberFormatException e) {
                throw bad(name, "'" + v + "' is not a number");
            }
        }
        if (!(d >= min && d <= max)) {
            throw bad(name, d + " is outside " + min + ".." + max);
        }
        return d;
    }

    /** A duration as ISO-8601 ({@code PT30S}), or a number of seconds. */
    public Duration duration(String name, Duration dflt, Duration min, Duration max) {
        Object v = params.get(name);
        if (v == null) {
            return dflt;
        }
        Duration d;
        if (v instanceof Number n) {
            d = Duration.ofMillis(Math.round(n.doubleValue() * 1000));
        } else {
            try {
                d = Duration.parse(v.toString().trim());
            } catch (DateTimeParseException e) {
                try {
                    d = Duration.ofMillis(Math.round(Double.parseDouble(v.toString().trim()) * 1000));
                } catch (NumberFormatException e2) {
                    throw bad(name, "'" + v + "' is not a duration (PT30S, or seconds)");
                }
            }
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw bad(name, d + " is outside " + min + ".." + max);
        }
        return d;
    }

    public String text(String name, String dflt) {
        Object v = params.get(name);
        return v == null ? dflt : v.toString().trim();
    }

    /** A list of strings: a JSON array, or one comma-separated string. */
    public List<String> list(String name) {
        Object v = params.get(name);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v instanceof List<?> l) {
            l.forEach(x -> {
                if (x != null && !x.toString().isBlank()) {
                    out.add(x.toString().trim());
                }
            });
        } else {
            for (String s : v.toString().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    /** A JSON object of string values ({@code {"inspection_expired":"LOW"}}); empty when absent. */
    public Map<String, String> map(String name) {
        Object v = params.get(name);
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw bad(name, "expected an object of names to values");
        }
        m.forEach((k, x) -> {
            if (k != null && x != null) {
                out.put(k.toString().trim(), x.toString().trim());
            }
        });
        return out;
    }

    public static IllegalArgumentException bad(String name, String why) {
        return new IllegalArgumentException("params." + name + ": " + why);
    }
}
