package org.openrfid.trace.service.alert.rules.category;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openrfid.trace.service.alert.rule.RuleParams;

/**
 * Named vehicle categories as sets of GA 24.4 vehicle type codes, so a city can restrict
 * {@code heavy_truck} rather than list sixteen codes. GA 24.4 codes the body type (K large/medium/small
 * buses, H goods vehicles by weight class, Q tractors, B/G trailers); what a vehicle carries is not in
 * the type code (GA 24.3 "use nature" is, but the registry does not keep it), so {@code dangerous_goods}
 * means tankers — the body type dangerous goods travel in — and is an approximation.
 *
 * <p>{@code liangke_yiwei} (两客一危, the seed's key fleet: coaches, tourist buses and dangerous-goods
 * vehicles) is coaches plus tankers.
 */
public final class VehicleCategories {

    /** A GA 24.4 code: a letter, then two digits or letters (K11, H1A). */
    static final Pattern CODE = Pattern.compile("[A-Z][0-9A-Z]{2}");

    static final Set<String> COACH = Set.of("K11", "K12", "K13", "K14", "K15", "K16", "K17", "K21", "K22", "K23", "K24", "K25", "K26", "K27");
    static final Set<String> SCHOOL_BUS = Set.of("K18", "K28", "K38");
    static final Set<String> HEAVY_TRUCK = Set.of("H11", "H12", "H13", "H14", "H15", "H16", "H17", "H18", "H19", "H1A", "H1B", "H1C",
            "H1D", "H1E", "H1F", "H1G", "Q11", "Q12");
    static final Set<String> DANGEROUS_GOODS = Set.of("H14", "H24", "H34", "H1C", "H2C", "H3C", "B14", "B24", "B34", "G14", "G24", "G34");

    static final Map<String, Set<String>> NAMED = Map.of(
            "coach", COACH,
            "tourist_bus", COACH,
            "school_bus", SCHOOL_BUS,
            "heavy_truck", HEAVY_TRUCK,
            "dangerous_goods", DANGEROUS_GOODS,
            "liangke_yiwei", union(COACH, DANGEROUS_GOODS));

    private VehicleCategories() {
    }

    /** The codes the listed names and codes stand for; IllegalArgumentException naming {@code params.<field>}. */
    static Set<String> codes(String field, List<String> namesOrCodes) {
        if (namesOrCodes.isEmpty()) {
            throw RuleParams.bad(field, "name at least one vehicle type (a GA 24.4 code such as K11, or one of "
                    + NAMED.keySet().stream().sorted().toList() + ")");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : namesOrCodes) {
            Set<String> named = NAMED.get(s.toLowerCase(Locale.ROOT));
            if (named != null) {
                out.addAll(named);
            } else if (CODE.matcher(s.toUpperCase(Locale.ROOT)).matches()) {
                out.add(s.toUpperCase(Locale.ROOT));
            } else {
                throw RuleParams.bad(field, "'" + s + "' is neither a GA 24.4 vehicle type code (K11, H1A) nor one of "
                        + NAMED.keySet().stream().sorted().toList());
            }
        }
        return Set.copyOf(out);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }
}
