package org.openrfid.trace.web.rules;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.web.rules.RuleField.Kind;

/**
 * A rule's form as typed: id, type, severity, on/off, the type's parameters ({@link RuleTypes}) as text,
 * the places it watches and, for category rules, an area polygon. Its problems are message keys per field
 * shown next to the field; the rule factory checks the rule again ({@code RuleEngine.validate}) before it is stored.
 *
 * @param values per parameter name, what the form sent (several values for check boxes); a category rule's typed
 *               GA 24.4 codes under {@code vehicleTypes.codes}
 * @param sections a section-speed rule's sections as typed (rows with neither end left out)
 */
public record RuleForm(String id, AlertType type, String severity, boolean enabled, Map<String, List<String>> values,
                       List<String> places, String area, List<RuleSection> sections) {

    public static final String CODES = ".codes";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern CODE = Pattern.compile("[A-Z][0-9A-Z]{2}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,32}");

    public RuleForm {
        id = id == null ? "" : id.strip();
        severity = severity == null || severity.isBlank() ? Severity.HIGH.name() : severity.strip();
        Map<String, List<String>> clean = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> clean.put(k, v == null ? List.of() : v.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList()));
        }
        values = Map.copyOf(clean);
        places = places == null ? List.of() : places.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
        area = area == null || area.isBlank() ? null : area.strip();
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /** A new rule of this type: on, severity HIGH, every parameter left to the rule's default. */
    public static RuleForm blank(AlertType type) {
        return new RuleForm("", type, Severity.HIGH.name(), true, Map.of(), List.of(), null, List.of());
    }

    /** The form showing a stored rule. */
    public static RuleForm of(RuleDefinition d) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        var p = d.p();
        for (RuleField f : RuleTypes.fields(d.type())) {
            if (!p.has(f.name())) {
                continue;
            }
            switch (f.kind()) {
                case NUMBER -> values.put(f.name(), List.of(RuleTexts.number(p.number(f.name(), 0, -Double.MAX_VALUE, Double.MAX_VALUE))));
                case DURATION -> {
                    Duration dur = p.duration(f.name(), Duration.ZERO, Duration.ZERO, Duration.ofDays(36_500));
                    Long n = f.inUnit(dur);
                    // a value that is no whole number of the form's unit shows as a fraction (the form then asks for a whole one)
                    values.put(f.name(), List.of(n != null ? Long.toString(n)
                            : RuleTexts.number(dur.toMillis() / (double) f.unit().getDuration().toMillis())));
                }
                case TIME -> values.put(f.name(), List.of(p.text(f.name(), "")));
                case DAYS -> values.put(f.name(), p.list(f.name()).stream().map(s -> s.toUpperCase(Locale.ROOT)).toList());
                case CATEGORIES -> {
                    List<String> named = new ArrayList<>();
                    List<String> codes = new ArrayList<>();
                    for (String s : p.list(f.name())) {
                        (RuleTypes.CATEGORIES.contains(s.toLowerCase(Locale.ROOT)) ? named : codes).add(s);
                    }
                    values.put(f.name(), named.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
                    values.put(f.name() + CODES, List.of(String.join(", ", codes)));
                }
                case NAMES -> values.put(f.name(), List.of(String.join(", ", p.list(f.name()))));
                case SECTIONS -> { } // read below: two stored lists make one field
            }
        }
        return new RuleForm(d.id(), d.type(), d.severity().name(), d.enabled(), values, d.locations(), d.area(), RuleSection.of(p));
    }

    /** The first value sent for the field, or "". */
    public String value(String name) {
        List<String> v = values.getOrDefault(name, List.of());
        return v.isEmpty() ? "" : v.get(0);
    }

    public boolean checked(String name, String option) {
        return values.getOrDefault(name, List.of()).contains(option);
    }

    /** The section rows the form shows: the rule's own, then empty ones to add more without JavaScript. */
    public List<RuleSection> sectionRows() {
        List<RuleSection> rows = new ArrayList<>(sections);
        for (int i = 0; i < RuleSection.EMPTY_ROWS; i++) {
            rows.add(new RuleSection("", ""));
        }
        return rows;
    }

    public boolean watches(String placeId) {
        return places.contains(placeId);
    }

    /** Watched, or an end of one of its sections: the form must offer the place, or saving would drop it. */
    public boolean refersTo(String placeId) {
        return watches(placeId) || sections.stream().anyMatch(s -> s.from().equals(placeId) || s.to().equals(placeId));
    }

    /** Field ({@code id}, {@code severity}, a parameter's name, {@code places}, {@code area}) → message key. */
    public Map<String, String> problems(Set<String> knownPlaces) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!ID.matcher(id).matches()) {
            problems.put("id", "rules.problem.id");
        }
        try {
            Severity.valueOf(severity);
        } catch (IllegalArgumentException e) {
            problems.put("severity", "rules.problem.severity");
        }
        for (RuleField f : RuleTypes.fields(type)) {
            String problem = f.kind() == Kind.SECTIONS ? RuleSection.problem(sections, knownPlaces) : problem(f);
            if (problem != null) {
                problems.put(f.name(), problem);
            }
        }
        if (type == AlertType.CATEGORY_RESTRICTION) {
            hoursProblems(problems);
        }
        if (!knownPlaces.containsAll(places)) {
            problems.put("places", "rules.problem.place");
        }
        return problems;
    }

    private String problem(RuleField f) {
        String v = value(f.name());
        return switch (f.kind()) {
            case NUMBER -> v.isEmpty() || positive(v) != null ? null : "rules.problem.number";
            case DURATION -> v.isEmpty() || whole(v) != null ? null : "rules.problem.duration";
            case TIME -> v.isEmpty() || time(v) != null ? null : "rules.problem.time";
            case DAYS -> RuleTypes.DAYS.containsAll(values.getOrDefault(f.name(), List.of())) ? null : "rules.problem.days";
            case CATEGORIES -> categoriesProblem(f.name());
            case NAMES -> names(v).stream().allMatch(n -> NAME.matcher(n).matches()) ? null : "rules.problem.names";
            case SECTIONS -> null;
        };
    }

    private String categoriesProblem(String name) {
        List<String> named = values.getOrDefault(name, List.of());
        List<String> codes = names(value(name + CODES)).stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
        if (!RuleTypes.CATEGORIES.containsAll(named) || !codes.stream().allMatch(c -> CODE.matcher(c).matches())) {
            return "rules.problem.code";
        }
        return named.isEmpty() && codes.isEmpty() ? "rules.problem.categories" : null;
    }

    /** Hours go in pairs: a start without an end is what people forget, so the missing one is named. */
    private void hoursProblems(Map<String, String> problems) {
        String from = value("from");
        String to = value("to");
        if (from.isEmpty() != to.isEmpty()) {
            problems.putIfAbsent(from.isEmpty() ? "from" : "to", "rules.problem.hoursPair");
        } else if (!from.isEmpty() && from.equals(to)) {
            problems.putIfAbsent("to", "rules.problem.hoursEmpty");
        }
    }

    /**
     * The definition to store; call only when {@link #problems} is empty. Sections replace the stored {@code from} and
     * {@code to}. Parameters this form does not offer are
     * kept from {@code stored} (null for a new rule); an emptied field falls back to the rule's default.
     */
    public RuleDefinition toDefinition(RuleDefinition stored) {
        Map<String, Object> params = new LinkedHashMap<>(stored == null || stored.type() != type ? Map.of() : stored.params());
        for (RuleField f : RuleTypes.fields(type)) {
            params.remove(f.name());
            if (f.kind() == Kind.SECTIONS) {
                params.put("from", sections.stream().map(RuleSection::from).toList());
                params.put("to", sections.stream().map(RuleSection::to).toList());
                continue;
            }
            Object v = param(f);
            if (v != null) {
                params.put(f.name(), v);
            }
        }
        return new RuleDefinition(id, type, enabled, Severity.valueOf(severity), params, places,
                RuleTypes.takesArea(type) ? area : stored == null ? null : stored.area());
    }

    private Object param(RuleField f) {
        String v = value(f.name());
        return switch (f.kind()) {
            case NUMBER -> v.isEmpty() ? null : positive(v);
            case DURATION -> v.isEmpty() ? null : f.unit().getDuration().multipliedBy(whole(v)).toString();
            case TIME -> v.isEmpty() ? null : time(v).toString();
            case DAYS -> nullIfEmpty(values.getOrDefault(f.name(), List.of()));
            case CATEGORIES -> {
                List<String> all = new ArrayList<>(values.getOrDefault(f.name(), List.of()));
                names(value(f.name() + CODES)).forEach(c -> all.add(c.toUpperCase(Locale.ROOT)));
                yield nullIfEmpty(all);
            }
            case NAMES -> nullIfEmpty(names(v));
            case SECTIONS -> null;
        };
    }

    private static List<String> nullIfEmpty(List<String> l) {
        return l.isEmpty() ? null : List.copyOf(l);
    }

    static List<String> names(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split("[,，\\s]+")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static Double positive(String s) {
        try {
            double d = Double.parseDouble(s);
            return d >= 0 && Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long whole(String s) {
        try {
            long n = Long.parseLong(s);
            return n >= 0 && n <= 1_000_000 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalTime time(String s) {
        try {
            return LocalTime.parse(s.length() == 4 && s.charAt(1) == ':' ? "0" + s : s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
