package org.openrfid.trace.web.alerts;

import org.openrfid.trace.service.alert.Alert;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.web.console.ObjectLabel;

/**
 * One alert as the inbox, the banner and the alert page show it: what it is about as a person reads it
 * (plate, product, title; a reader's id for a reader alert), and the place's name.
 *
 * @param label     the object's label with its page, or null (a tag bound to nothing, a reader)
 * @param what      the text to show when there is no label: the plate, the reader, the EPC
 * @param placeName the location's name, or null when the alert has no place
 */
public record AlertRow(Alert alert, ObjectLabel label, String what, String placeName) {

    /** High and critical alerts ring the banner; the others wait in the inbox. */
    public boolean urgent() {
        return alert.severity().compareTo(Severity.HIGH) >= 0;
    }

    public String typeKey() {
        return "alerts.type." + alert.type().name();
    }

    public String statusKey() {
        return "alerts.status." + alert.status().name();
    }

    public String severityKey() {
        return "alerts.severity." + alert.severity().name();
    }
}
