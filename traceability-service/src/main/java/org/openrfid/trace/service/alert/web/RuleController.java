package org.openrfid.trace.service.alert.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.engine.RuleEngine;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleDefinitions;
import org.openrfid.trace.service.privacy.Callers;
import org.openrfid.trace.service.privacy.Lookups;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rules over REST. A rule is checked as the engine would build it before it is stored, so a bad rule
 * is refused with a problem detail naming the field; every member's engine picks a change up within a
 * second. Changes are audited.
 */
@RestController
@RequestMapping("/api/v1/rules")
class RuleController {

    private final RuleDefinitions rules;
    private final RuleEngine engine;
    private final Callers callers;
    private final Lookups lookups;

    RuleController(RuleDefinitions rules, RuleEngine engine, Callers callers, Lookups lookups) {
        this.rules = rules;
        this.engine = engine;
        this.callers = callers;
        this.lookups = lookups;
    }

    /** The body: {@code id} may be left out on PUT (the path names it). */
    record RuleRequest(String id, String type, Boolean enabled, String severity, Map<String, Object> params, List<String> locations,
                       String area) {
    }

    @GetMapping
    List<RuleDefinition> list() {
        return rules.all();
    }

    @GetMapping("/{id}")
    RuleDefinition one(@PathVariable String id) {
        return rules.find(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping
    ResponseEntity<RuleDefinition> create(@RequestBody RuleRequest request) {
        RuleDefinition rule = definition(request == null ? null : request.id(), request);
        if (rules.find(rule.id()).isPresent()) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "id: rule " + rule.id() + " exists; PUT /api/v1/rules/" + rule.id() + " changes it");
            p.setTitle("Rule exists");
            throw new ErrorResponseException(HttpStatus.CONFLICT, p, null);
        }
        rules.save(rule, callers.username());
        lookups.record("RULE_CREATED", "rule:" + rule.id(), null, 1);
        return ResponseEntity.created(URI.create("/api/v1/rules/" + rule.id())).body(rule);
    }

    @PutMapping("/{id}")
    ResponseEntity<RuleDefinition> put(@PathVariable String id, @RequestBody RuleRequest request) {
        if (request != null && request.id() != null && !request.id().equals(id)) {
            throw new IllegalArgumentException("id: the body names rule " + request.id() + " but the path " + id);
        }
        RuleDefinition rule = definition(id, request);
        boolean created = rules.save(rule, callers.username());
        lookups.record(created ? "RULE_CREATED" : "RULE_CHANGED", "rule:" + id, null, 1);
        return created ? ResponseEntity.created(URI.create("/api/v1/rules/" + id)).body(rule) : ResponseEntity.ok(rule);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!rules.delete(id, callers.username())) {
            throw notFound(id);
        }
        lookups.record("RULE_DELETED", "rule:" + id, null, 1);
        return ResponseEntity.noContent().build();
    }

    private RuleDefinition definition(String id, RuleRequest r) {
        if (r == null) {
            throw new IllegalArgumentException("type: give at least id and type");
        }
        if (r.type() == null || r.type().isBlank()) {
            throw new IllegalArgumentException("type: required, one of " + java.util.Arrays.toString(AlertType.values()));
        }
        if (r.area() != null && r.area().length() > 100_000) {
            throw new IllegalArgumentException("area: longer than 100000 characters");
        }
        if (r.locations() != null && r.locations().stream().anyMatch(l -> l == null || l.isBlank() || l.length() > 64)) {
            throw new IllegalArgumentException("locations: each a location id of 1..64 characters");
        }
        RuleDefinition rule = new RuleDefinition(id, AlertType.parse("type", r.type()), r.enabled() == null || r.enabled(),
                r.severity() == null ? Severity.HIGH : Severity.parse("severity", r.severity()), r.params(), r.locations(), r.area());
        engine.validate(rule);
        return rule;
    }

    private static ErrorResponseException notFound(String id) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no rule " + id);
        p.setTitle("Rule not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, p, null);
    }
}
