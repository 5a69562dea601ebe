package org.openrfid.trace.service.alert.delivery.web;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.delivery.Webhook;
import org.openrfid.trace.service.alert.delivery.WebhookDelivery;
import org.openrfid.trace.service.alert.delivery.WebhookState;
import org.openrfid.trace.service.alert.delivery.Webhooks;
import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.audit.Auditor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

/**
 * Webhooks over REST (ADMIN only, by the security rules): list, one, create, replace, delete, and a test delivery.
 * The secret is write-only: answers say {@code secretSet} instead. Every change is audited.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

    private final Webhooks webhooks;
    private final WebhookDelivery delivery;
    private final Auditor auditor;

    WebhookController(Webhooks webhooks, WebhookDelivery delivery, Auditor auditor) {
        this.webhooks = webhooks;
        this.delivery = delivery;
        this.auditor = auditor;
    }

    /**
     * A create or replace. On replace a missing {@code secret} keeps the stored one and a missing {@code enabled} keeps
     * the current state; {@code enabled: true} also clears the failure count.
     */
    record WebhookRequest(String url, String secret, List<String> types, Boolean enabled) {
    }

    /** A webhook as the API shows it: never the secret. */
    record WebhookView(long id, String url, boolean secretSet, Set<AlertType> types, boolean enabled, WebhookState state,
                       int consecutiveFailures, String lastError, Instant lastDeliveredAt, Instant lastAttemptAt) {

        static WebhookView of(Webhook w) {
            return new WebhookView(w.id(), w.url(), w.secret() != null && !w.secret().isEmpty(), w.types(), w.enabled(), w.state(),
                    w.consecutiveFailures(), w.lastError(), w.lastDeliveredAt(), w.lastAttemptAt());
        }
    }

    @GetMapping
    List<WebhookView> list() {
        return webhooks.all().stream().map(WebhookView::of).toList();
    }

    @GetMapping("/{id}")
    WebhookView one(@PathVariable long id) {
        return WebhookView.of(find(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WebhookView> create(@RequestBody WebhookRequest r) {
        String url = Webhook.checkUrl(r.url());
        String secret = Webhook.checkSecret(r.secret());
        Set<AlertType> types = types(r.types());
        Webhook created = webhooks.create(url, secret, types, r.enabled() == null || r.enabled());
        delivery.webhooksChanged();
        auditor.record("WEBHOOK_CREATED", subject(created), null, 1L, AuditOutcome.OK);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id())).body(WebhookView.of(created));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    WebhookView replace(@PathVariable long id, @RequestBody WebhookRequest r) {
        Webhook before = find(id);
        String url = Webhook.checkUrl(r.url());
        String secret = r.secret() == null ? null : Webhook.checkSecret(r.secret());
        Set<AlertType> types = types(r.types());
        boolean enabled = r.enabled() == null ? before.enabled() : r.enabled();
        Webhook after = webhooks.update(id, url, secret, types, enabled, Boolean.TRUE.equals(r.enabled()))
                .orElseThrow(() -> notFound(id));
        delivery.webhooksChanged();
        String what = !before.enabled() && after.enabled() ? "WEBHOOK_ENABLED" : before.enabled() && !after.enabled() ? "WEBHOOK_DISABLED"
                : "WEBHOOK_UPDATED";
        auditor.record(what, subject(after) + (secret != null ? " (secret replaced)" : ""), null, 1L, AuditOutcome.OK);
        return WebhookView.of(after);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        Webhook w = find(id);
        webhooks.delete(id);
        delivery.webhooksChanged();
        auditor.record("WEBHOOK_DELETED", subject(w), null, 1L, AuditOutcome.OK);
        return ResponseEntity.noContent().build();
    }

    /** Sends a test event now and answers with what the receiver said; the webhook's delivery state is left as it was. */
    @PostMapping("/{id}/test")
    WebhookDelivery.TestResult test(@PathVariable long id) {
        Webhook w = find(id);
        WebhookDelivery.TestResult result = delivery.test(w);
        auditor.record("WEBHOOK_TESTED", subject(w) + (result.delivered() ? " delivered" : " failed: " + result.error()), null, 1L,
                AuditOutcome.OK);
        return result;
    }

    private Webhook find(long id) {
        return webhooks.find(id).orElseThrow(() -> notFound(id));
    }

    private static ErrorResponseException notFound(long id) {
        ErrorResponseException e = new ErrorResponseException(HttpStatus.NOT_FOUND);
        e.getBody().setTitle("Webhook not found");
        e.getBody().setDetail("no webhook " + id);
        return e;
    }

    private static String subject(Webhook w) {
        return "webhook " + w.id() + " " + Webhook.redacted(w.url());
    }

    private static Set<AlertType> types(List<String> names) {
        if (names == null || names.isEmpty()) {
            return Set.of();
        }
        EnumSet<AlertType> types = EnumSet.noneOf(AlertType.class);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null) {
                throw new IllegalArgumentException("types[" + i + "]: null is not an alert type");
            }
            types.add(AlertType.parse("types[" + i + "]", names.get(i)));
        }
        return types;
    }
}
