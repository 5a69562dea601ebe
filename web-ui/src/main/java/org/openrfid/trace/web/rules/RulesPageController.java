package org.openrfid.trace.web.rules;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.openrfid.trace.service.alert.Alert;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Alerts;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.engine.RuleEngine;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleDefinitions;
import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.privacy.Callers;
import org.openrfid.trace.web.console.DisplayNames;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/rules} (ADMIN): the configured rules by type with their parameters as people read them, on/off
 * buttons, and a form per rule type. The same store and checks as the rules API ({@code RuleEngine.validate}
 * builds the rule as the engine would), so a rule saved here runs on every member within a second; changes are
 * audited with the API's action names.
 */
@Controller
class RulesPageController {

    private static final int RECENT_ALERTS = 20;

    private final RuleDefinitions rules;
    private final RuleEngine engine;
    private final Auditor auditor;
    private final DisplayNames names;
    private final Alerts alerts;
    private final Callers callers;

    RulesPageController(RuleDefinitions rules, RuleEngine engine, Auditor auditor, DisplayNames names, Alerts alerts, Callers callers) {
        this.callers = callers;
        this.rules = rules;
        this.engine = engine;
        this.auditor = auditor;
        this.names = names;
        this.alerts = alerts;
    }

    /** A rule as the list shows it. */
    public record RuleRow(RuleDefinition rule, List<RuleTexts.Fact> facts) {
    }

    /** One of the rule's alerts, its place by name. */
    public record RecentAlert(Alert alert, String place) {
    }

    @GetMapping("/admin/rules")
    String list(@RequestParam(required = false) String done, Model model) {
        RuleTexts texts = new RuleTexts(names::locationName);
        Map<AlertType, List<RuleRow>> byType = new LinkedHashMap<>();
        for (RuleDefinition d : rules.all()) {
            byType.computeIfAbsent(d.type(), t -> new java.util.ArrayList<>()).add(new RuleRow(d, texts.facts(d)));
        }
        Map<AlertType, List<RuleRow>> ordered = new LinkedHashMap<>();
        Arrays.stream(AlertType.values()).filter(byType::containsKey).forEach(t -> ordered.put(t, byType.get(t)));
        model.addAttribute("byType", ordered);
        model.addAttribute("types", AlertType.values());
        model.addAttribute("done", done);
        return "rules/index";
    }

    @GetMapping("/admin/rules/new")
    String newRule(@RequestParam(defaultValue = "CATEGORY_RESTRICTION") String type, Model model) {
        return form(model, RuleForm.blank(AlertType.parse("type", type)), Map.of(), null, true);
    }

    @PostMapping("/admin/rules")
    String create(@RequestParam MultiValueMap<String, String> body, Model model, HttpServletResponse response) {
        RuleForm form = read(body, null);
        Map<String, String> problems = new LinkedHashMap<>(form.problems(knownPlaces()));
        if (problems.isEmpty() && rules.find(form.id()).isPresent()) {
            problems.put("id", "rules.problem.taken");
        }
        return save(form, null, problems, model, response);
    }

    @GetMapping("/admin/rules/{id}")
    String edit(@PathVariable String id, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done);
        return form(model, RuleForm.of(stored(id)), Map.of(), null, false);
    }

    @PostMapping("/admin/rules/{id}")
    String change(@PathVariable String id, @RequestParam MultiValueMap<String, String> body, Model model, HttpServletResponse response) {
        RuleDefinition before = stored(id);
        RuleForm form = read(body, before);
        return save(form, before, new LinkedHashMap<>(form.problems(knownPlaces())), model, response);
    }

    @PostMapping("/admin/rules/{id}/enabled")
    String switchOnOff(@PathVariable String id, @RequestParam boolean on) {
        RuleDefinition before = stored(id);
        if (before.enabled() != on) {
            rules.save(before.withEnabled(on), callers.username());
            auditor.record(on ? "RULE_ENABLED" : "RULE_DISABLED", "rule:" + id, null, 1L, AuditOutcome.OK);
        }
        return "redirect:/admin/rules?done=" + (on ? "enabled" : "disabled") + "#rule-" + id;
    }

    private String save(RuleForm form, RuleDefinition before, Map<String, String> problems, Model model, HttpServletResponse response) {
        String refusal = null;
        if (problems.isEmpty()) {
            RuleDefinition rule = form.toDefinition(before);
            try {
                engine.validate(rule);
                boolean created = rules.save(rule, callers.username());
                auditor.record(created ? "RULE_CREATED" : "RULE_CHANGED", "rule:" + rule.id(), null, 1L, AuditOutcome.OK);
                return "redirect:/admin/rules/" + rule.id() + "?done=" + (created ? "created" : "changed");
            } catch (IllegalArgumentException e) {
                refusal = e.getMessage();
                problems.put(RuleRefusals.field(refusal, form.type()), "rules.problem.refused");
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, form, problems, refusal, before == null);
    }

    private String form(Model model, RuleForm form, Map<String, String> problems, String refusal, boolean creating) {
        model.addAttribute("form", form);
        model.addAttribute("fields", RuleTypes.fields(form.type()));
        model.addAttribute("takesArea", RuleTypes.takesArea(form.type()));
        model.addAttribute("problems", problems);
        model.addAttribute("refusal", refusal);
        model.addAttribute("creating", creating);
        model.addAttribute("categories", RuleTypes.CATEGORIES);
        model.addAttribute("days", RuleTypes.DAYS);
        model.addAttribute("severities", Severity.values());
        model.addAttribute("places", places(form));
        model.addAttribute("recent", creating ? List.of() : recentAlerts(form));
        return "rules/form";
    }

    /**
     * Checkpoints, sites and gates by the name people tell them apart by (a dock door with its site); lanes only when
     * the rule lists one or a section ends at one (listing a checkpoint covers its lanes).
     */
    private List<Place> places(RuleForm form) {
        return names.locationsById().values().stream().filter(l -> !"lane".equals(l.kind()) || form.refersTo(l.id()))
                .map(l -> new Place(l.id(), names.locationName(l.id()))).sorted(Comparator.comparing(Place::name)).toList();
    }

    /** A place to pick: its id is sent, its name shown. */
    public record Place(String id, String name) {
    }

    private Set<String> knownPlaces() {
        return names.locationsById().keySet();
    }

    /** The alerts page has no rule filter: the type's latest, this rule's among them. */
    private List<RecentAlert> recentAlerts(RuleForm form) {
        return alerts.page(new Alerts.Filter(null, form.type(), null, null, null, null, null, null, 0, 200)).stream()
                .filter(a -> form.id().equals(a.ruleId())).limit(RECENT_ALERTS)
                .map(a -> new RecentAlert(a, a.locationId() == null ? "" : names.locationName(a.locationId()))).toList();
    }

    private RuleDefinition stored(String id) {
        return rules.find(id).orElseThrow(() -> new NoSuchElementException("no rule '" + id + "'"));
    }

    /** The form's fields by name: {@code p.<param>} for parameters, the rest as they are. */
    private static RuleForm read(MultiValueMap<String, String> body, RuleDefinition before) {
        Map<String, List<String>> values = body.entrySet().stream().filter(e -> e.getKey().startsWith("p."))
                .collect(Collectors.toMap(e -> e.getKey().substring(2), Map.Entry::getValue));
        AlertType type = before != null ? before.type() : AlertType.parse("type", String.valueOf(body.getFirst("type")));
        String id = before != null ? before.id() : body.getFirst("id");
        return new RuleForm(id, type, body.getFirst("severity"), "on".equals(body.getFirst("enabled")), values, body.get("places"),
                body.getFirst("area"), RuleSection.rows(body.get("sectionFrom"), body.get("sectionTo")));
    }
}
