package org.openrfid.trace.web.rules;

import static org.openrfid.trace.web.rules.RuleField.duration;
import static org.openrfid.trace.web.rules.RuleField.number;

import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.web.rules.RuleField.Kind;

/**
 * The parameters each rule type's form offers, as the rule factories read them (their javadoc is the
 * reference). A parameter the form does not offer (a watchlist rule's severity by list) is kept as stored when a rule is edited here.
 */
public final class RuleTypes {

    /** Every type also takes {@code debounce}: one alert per rule and subject within it. */
    static final RuleField DEBOUNCE = duration("debounce", ChronoUnit.MINUTES);

    /** The named categories the category form offers as check boxes (the rule knows them by these names). */
    public static final List<String> CATEGORIES = List.of("dangerous_goods", "heavy_truck", "coach", "school_bus", "liangke_yiwei");

    public static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private static final Map<AlertType, List<RuleField>> FIELDS = new EnumMap<>(AlertType.class);

    static {
        FIELDS.put(AlertType.CATEGORY_RESTRICTION, List.of(RuleField.of("vehicleTypes", Kind.CATEGORIES), RuleField.of("from", Kind.TIME),
                RuleField.of("to", Kind.TIME), RuleField.of("days", Kind.DAYS)));
        FIELDS.put(AlertType.WATCHLIST, List.of(RuleField.of("excludeLists", Kind.NAMES)));
        FIELDS.put(AlertType.CLONE_IMPOSSIBLE_TRAVEL, List.of(number("topSpeedKmh"), number("detourFactor"), number("minDistanceM"),
                duration("window", ChronoUnit.HOURS)));
        FIELDS.put(AlertType.CLONE_TID_MISMATCH, List.of());
        List<RuleField> plate = List.of(duration("window", ChronoUnit.SECONDS), number("minConfidence"), number("maxEditDistance"),
                duration("settle", ChronoUnit.SECONDS));
        FIELDS.put(AlertType.PLATE_MISMATCH, plate);
        FIELDS.put(AlertType.PLATE_WITHOUT_TAG, concat(plate, duration("readerActiveWithin", ChronoUnit.MINUTES)));
        FIELDS.put(AlertType.SECTION_SPEED, List.of(RuleField.of("sections", Kind.SECTIONS), number("limitKmh"), duration("window", ChronoUnit.HOURS)));
        FIELDS.put(AlertType.LIBRARY_UNCHECKED_EXIT, List.of());
        FIELDS.put(AlertType.CUSTOMS_HOLD_EXIT, List.of());
        FIELDS.put(AlertType.READER_DOWN, List.of(duration("after", ChronoUnit.SECONDS)));
        FIELDS.put(AlertType.ANTENNA_SILENT, List.of(duration("minQuiet", ChronoUnit.MINUTES), number("factor"),
                duration("window", ChronoUnit.DAYS)));
    }

    private RuleTypes() {
    }

    /** The type's own parameters and then {@code debounce}. */
    public static List<RuleField> fields(AlertType type) {
        return concat(FIELDS.getOrDefault(type, List.of()), DEBOUNCE);
    }

    /** Only the category rule draws its zone as a polygon; every rule may be limited to places. */
    public static boolean takesArea(AlertType type) {
        return type == AlertType.CATEGORY_RESTRICTION;
    }

    private static List<RuleField> concat(List<RuleField> fields, RuleField last) {
        return java.util.stream.Stream.concat(fields.stream(), java.util.stream.Stream.of(last)).toList();
    }
}
