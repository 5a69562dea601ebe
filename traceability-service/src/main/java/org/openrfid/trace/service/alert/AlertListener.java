package org.openrfid.trace.service.alert;

/**
 * Hears of alert events that happened on this member (raised by its rules, or changed through its
 * API), once each, after they are stored: outbound delivery (MQTT, webhooks) subscribes here so a
 * cluster delivers each event once. It is called on the raising thread: hand work off, never block.
 */
@FunctionalInterface
public interface AlertListener {
    void onAlert(AlertEvent event);
}
