package org.openrfid.trace.service.alert.rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;

/**
 * A configured rule (the rules API's body, public contract).
 *
 * @param id        1..64 of letters, digits, '-', '_' and '.'
 * @param params    per type (top speed, window, categories, hours, limit, ...): numbers, strings, lists
 * @param locations the locations the rule applies to; empty: everywhere
 * @param area      a WKT polygon (WGS84 lon/lat) the rule applies to, or null
 */
public record RuleDefinition(String id, AlertType type, boolean enabled, Severity severity, Map<String, Object> params,
                             List<String> locations, String area) {

    public RuleDefinition {
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("id: 1..64 of letters, digits, '.', '_' and '-'");
        }
        Objects.requireNonNull(type, "type");
        severity = severity == null ? Severity.HIGH : severity;
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        locations = locations == null ? List.of() : List.copyOf(locations);
        area = area == null || area.isBlank() ? null : area.trim();
    }

    public RuleParams p() {
        return new RuleParams(params);
    }

    /** Whether the rule looks at this location (no locations listed: every location). */
    public boolean covers(String locationId) {
        return locations.isEmpty() || locations.contains(locationId);
    }

    public RuleDefinition withEnabled(boolean on) {
        return new RuleDefinition(id, type, on, severity, params, locations, area);
    }
}
