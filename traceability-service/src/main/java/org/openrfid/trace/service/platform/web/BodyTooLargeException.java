package org.openrfid.trace.service.platform.web;

import java.io.IOException;

/** A request body went past its {@link BodyLimits} cap while it was read (a body sent without a length). */
public final class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("request body exceeds the limit of " + limit + " bytes for this endpoint");
    }
}
