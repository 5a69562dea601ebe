package org.openrfid.trace.service.alert.delivery;

/** How a webhook's deliveries go: {@code OK}, {@code FAILING} (the last attempt failed), {@code DISABLED} (no deliveries). */
public enum WebhookState {
    OK, FAILING, DISABLED
}
