package org.openrfid.trace.web.rules;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleParams;
import org.openrfid.trace.web.rules.RuleField.Kind;

/**
 * A stored rule's parameters as a person reads them: place names instead of location ids, "22:00–06:00",
 * "Dangerous-goods vehicles", "10 min", "150 km/h". Texts are message keys with arguments (the page speaks
 * the reader's language); only names and numbers are literal.
 */
public final class RuleTexts {

    /** A piece of a fact: a message key with arguments, or literal text (a place name, a code). */
    public record Part(String key, List<Object> args, String text) {

        static Part key(String key, Object... args) {
            return new Part(key, List.of(args), null);
        }

        static Part text(String text) {
            return new Part(null, List.of(), text);
        }

        public Object[] argArray() {
            return args.toArray();
        }
    }

    /** One labelled fact about a rule. */
    public record Fact(String labelKey, List<Part> parts) {
    }

    private final Function<String, String> placeName;

    /** @param placeName a location id to the name people read */
    public RuleTexts(Function<String, String> placeName) {
        this.placeName = placeName;
    }

    /** The rule's set parameters in the form's order, then where it applies; parameters left to defaults are not listed. */
    public List<Fact> facts(RuleDefinition d) {
        List<Fact> facts = new ArrayList<>();
        RuleParams p = d.p();
        for (RuleField f : RuleTypes.fields(d.type())) {
            boolean set = f.kind() == Kind.SECTIONS ? p.has("from") : p.has(f.name());
            if (f.name().equals("to") || !set && !f.name().equals("from")) {
                continue;
            }
            List<Part> parts = parts(f, d);
            if (!parts.isEmpty()) {
                facts.add(new Fact(f.name().equals("from") ? "rules.param.hours" : f.labelKey(), parts));
            }
        }
        if (!d.locations().isEmpty()) {
            facts.add(new Fact("rules.field.places", d.locations().stream().map(id -> Part.text(placeName.apply(id))).toList()));
        }
        if (d.area() != null) {
            facts.add(new Fact("rules.field.area", List.of(Part.key("rules.area.set"))));
        }
        if (d.locations().isEmpty() && d.area() == null) {
            facts.add(new Fact("rules.field.places", List.of(Part.key("rules.places.all"))));
        }
        return facts;
    }

    private List<Part> parts(RuleField f, RuleDefinition d) {
        RuleParams p = d.p();
        try {
            return switch (f.kind()) {
                case NUMBER -> List.of(Part.key("rules.value." + f.name(), number(p.number(f.name(), 0, -Double.MAX_VALUE, Double.MAX_VALUE))));
                case DURATION -> List.of(duration(p.duration(f.name(), Duration.ZERO, Duration.ZERO, Duration.ofDays(36_500))));
                case TIME -> p.has("from") ? List.of(Part.text(p.text("from", "") + "–" + p.text("to", ""))) : List.of(Part.key("rules.hours.allDay"));
                case DAYS -> p.list(f.name()).stream().map(s -> Part.key("rules.day." + s.toUpperCase(Locale.ROOT).substring(0, Math.min(3, s.length())))).toList();
                case CATEGORIES -> p.list(f.name()).stream()
                        .map(s -> RuleTypes.CATEGORIES.contains(s.toLowerCase(Locale.ROOT)) ? Part.key("rules.category." + s.toLowerCase(Locale.ROOT))
                                : Part.key("vehicleType." + s.toUpperCase(Locale.ROOT)))
                        .toList();
                case NAMES -> p.list(f.name()).stream().map(Part::text).toList();
                case SECTIONS -> RuleSection.of(p).stream().map(s -> Part.text(placeName.apply(s.from()) + " → " + placeName.apply(s.to()))).toList();
            };
        } catch (IllegalArgumentException e) {
            // a stored value the rule refuses (edited in the database): shown as stored, the engine logs why it does not run
            return List.of(Part.text(String.valueOf(d.params().get(f.name()))));
        }
    }

    /** The largest unit the duration is a whole number of: "90 s", "10 min", "12 h", "7 d". */
    static Part duration(Duration d) {
        for (ChronoUnit u : List.of(ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS)) {
            long millis = u.getDuration().toMillis();
            if (d.toMillis() >= millis && d.toMillis() % millis == 0) {
                return Part.key("rules.duration." + u.name(), d.toMillis() / millis);
            }
        }
        return Part.key("rules.duration.SECONDS", number(d.toMillis() / 1000.0));
    }

    /** 150 rather than 150.0; 1.3 stays 1.3. */
    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
