package org.openrfid.trace.web.alerts;

import org.openrfid.trace.service.alert.Alert;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.web.console.DisplayNames;
import org.openrfid.trace.web.console.ObjectLabel;

/** Turns stored alerts into rows a person reads, through the console's {@link DisplayNames}. */
class AlertRows {

    private final DisplayNames names;

    AlertRows(DisplayNames names) {
        this.names = names;
    }

    AlertRow of(Alert a) {
        ObjectLabel label = a.objectKind() == null || a.objectId() == null ? null
                : names.of(new BoundObject(a.objectKind(), a.objectId())).orElse(null);
        String place = a.locationId() == null ? null : names.locationName(a.locationId());
        return new AlertRow(a, label, what(a), place);
    }

    /** Without a registered object: the plate, else the reader (and antenna) of a reader alert, else the EPC. */
    private static String what(Alert a) {
        if (a.plate() != null) {
            return a.plate();
        }
        Object reader = a.evidence().get("readerId");
        if (reader != null) {
            Object antenna = a.evidence().get("antenna");
            return antenna == null ? reader.toString() : reader + "/" + antenna;
        }
        return a.epc() != null ? a.epc() : "";
    }
}
