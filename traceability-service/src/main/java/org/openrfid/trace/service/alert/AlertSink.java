package org.openrfid.trace.service.alert;

/** Where rules put what they find; the alert service debounces, stores and fans out. Never blocks for long. */
@FunctionalInterface
public interface AlertSink {
    void raise(AlertCandidate candidate);
}
