package org.openrfid.trace.service.alert;

/** Subscription to the alert events of this member (a Spring bean; see {@link AlertListener}). */
public interface LocalAlertEvents {
    void subscribe(AlertListener listener);
}
