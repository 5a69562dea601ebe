package org.openrfid.trace.service.privacy.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.openrfid.trace.service.privacy.AccessGrant;
import org.openrfid.trace.service.privacy.Callers;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.RestrictedObject;
import org.openrfid.trace.service.privacy.Restrictions;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.springframework.http.HttpStatus;
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
 * Per-object privacy (ADMIN): mark a vehicle or item restricted, lift it, and grant named users the right to
 * look it up for a while. Every change is audited.
 */
@RestController
@RequestMapping("/api/v1/privacy")
class PrivacyController {

    private final Restrictions restrictions;
    private final Callers callers;
    private final Lookups lookups;

    PrivacyController(Restrictions restrictions, Callers callers, Lookups lookups) {
        this.restrictions = restrictions;
        this.callers = callers;
        this.lookups = lookups;
    }

    record RestrictRequest(String reason) {
    }

    record GrantRequest(String kind, String objectId, String username, String reason, Instant validFrom, Instant validTo) {
    }

    @GetMapping("/restricted")
    List<RestrictedObject> restricted() {
        return restrictions.all();
    }

    @PutMapping("/restricted/{kind}/{objectId}")
    RestrictedObject restrict(@PathVariable String kind, @PathVariable String objectId, @RequestBody RestrictRequest request) {
        String k = ObjectKind.parse(kind).name();
        String id = text("objectId", objectId, 64);
        String reason = text("reason", request == null ? null : request.reason(), 500);
        RestrictedObject r = restrictions.restrict(k, id, reason, callers.username(), callers.clock().instant());
        lookups.record("OBJECT_RESTRICTED", k + ":" + id, reason, 1);
        return r;
    }

    @DeleteMapping("/restricted/{kind}/{objectId}")
    ResponseEntity<Void> lift(@PathVariable String kind, @PathVariable String objectId) {
        String k = ObjectKind.parse(kind).name();
        if (!restrictions.lift(k, objectId)) {
            throw notFound("Not restricted", k + " " + objectId + " is not restricted");
        }
        lookups.record("OBJECT_UNRESTRICTED", k + ":" + objectId, null, 1);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/grants")
    List<AccessGrant> grants() {
        return restrictions.grants();
    }

    @PostMapping("/grants")
    ResponseEntity<AccessGrant> grant(@RequestBody GrantRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("kind: give kind, objectId, username and reason");
        }
        String k = ObjectKind.parse(request.kind()).name();
        String id = text("objectId", request.objectId(), 64);
        String user = text("username", request.username(), 64);
        String reason = text("reason", request.reason(), 500);
        Instant from = request.validFrom() == null ? callers.clock().instant() : request.validFrom();
        if (request.validTo() != null && !request.validTo().isAfter(from)) {
            throw new IllegalArgumentException("validTo: " + request.validTo() + " is not after validFrom " + from);
        }
        AccessGrant g = restrictions.grant(k, id, user, reason, callers.username(), from, request.validTo());
        lookups.record("OBJECT_GRANT", k + ":" + id + " to " + user, reason, 1);
        return ResponseEntity.created(URI.create("/api/v1/privacy/grants/" + g.id())).body(g);
    }

    @DeleteMapping("/grants/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        if (!restrictions.revoke(id)) {
            throw notFound("Grant not found", "no grant " + id);
        }
        lookups.record("OBJECT_GRANT_REVOKED", "grant " + id, null, 1);
        return ResponseEntity.noContent().build();
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + ": at most " + max + " characters");
        }
        return value.strip();
    }

    private static ErrorResponseException notFound(String title, String detail) {
        ErrorResponseException e = new ErrorResponseException(HttpStatus.NOT_FOUND);
        e.getBody().setTitle(title);
        e.getBody().setDetail(detail);
        return e;
    }
}
