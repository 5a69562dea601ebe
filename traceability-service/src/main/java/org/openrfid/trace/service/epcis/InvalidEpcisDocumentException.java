package org.openrfid.trace.service.epcis;

import java.util.List;

/** A captured document that the EPCIS JSON Schema (or the capture rules) refuse; nothing of it is stored. */
public class InvalidEpcisDocumentException extends RuntimeException {

    private final List<String> errors;

    public InvalidEpcisDocumentException(List<String> errors) {
        super("the document is not a valid EPCIS 2.0 document: " + String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
