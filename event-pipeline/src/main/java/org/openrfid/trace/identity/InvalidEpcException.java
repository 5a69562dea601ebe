package org.openrfid.trace.identity;

/**
 * An EPC, URI or element string that is not a valid encoding of a known scheme. The message names what
 * is wrong (which field, which value, which rule of GS1 EPC TDS 1.13), so it can be shown to a user as is.
 */
public class InvalidEpcException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidEpcException(String message) {
        super(message);
    }

    public InvalidEpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
