package org.openrfid.trace.web.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openrfid.trace.service.alert.rule.RuleParams;

/**
 * One row of a section-speed rule's form: the place a section starts at and the one it ends at (location ids; ""
 * when not chosen). The rule stores them as the equally long lists {@code from} and {@code to}
 * ({@code SectionSpeedRuleFactory}): section i is {@code from[i] → to[i]}.
 */
public record RuleSection(String from, String to) {

    /** Rows the form shows empty after the rule's own, so a second section can be added without JavaScript. */
    static final int EMPTY_ROWS = 2;

    public RuleSection {
        from = from == null ? "" : from.strip();
        to = to == null ? "" : to.strip();
    }

    boolean isEmpty() {
        return from.isEmpty() && to.isEmpty();
    }

    /** The rows as sent: the i-th start with the i-th end, the shorter list padded; rows with neither end dropped. */
    static List<RuleSection> rows(List<String> from, List<String> to) {
        List<String> f = from == null ? List.of() : from;
        List<String> t = to == null ? List.of() : to;
        List<RuleSection> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(f.size(), t.size()); i++) {
            RuleSection row = new RuleSection(i < f.size() ? f.get(i) : "", i < t.size() ? t.get(i) : "");
            if (!row.isEmpty()) {
                rows.add(row);
            }
        }
        return List.copyOf(rows);
    }

    /** A stored rule's sections (a list longer than the other is cut: the rule refuses it anyway). */
    static List<RuleSection> of(RuleParams p) {
        List<String> from = p.list("from");
        List<String> to = p.list("to");
        List<RuleSection> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(from.size(), to.size()); i++) {
            rows.add(new RuleSection(from.get(i), to.get(i)));
        }
        return List.copyOf(rows);
    }

    /**
     * The message key of the first problem of the rows, or null: a row with one end only, a place not known, a
     * section starting where it ends, no section at all (a section-speed rule without one never fires).
     */
    static String problem(List<RuleSection> rows, Set<String> knownPlaces) {
        if (rows.isEmpty()) {
            return "rules.problem.sectionNone";
        }
        for (RuleSection r : rows) {
            if (r.from.isEmpty() || r.to.isEmpty()) {
                return "rules.problem.sectionEnd";
            }
            if (!knownPlaces.contains(r.from) || !knownPlaces.contains(r.to)) {
                return "rules.problem.sectionPlace";
            }
            if (r.from.equals(r.to)) {
                return "rules.problem.sectionSame";
            }
        }
        return null;
    }
}
