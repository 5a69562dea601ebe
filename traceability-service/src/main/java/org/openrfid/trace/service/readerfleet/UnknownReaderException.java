package org.openrfid.trace.service.readerfleet;

/** No reader with this id (the API answers 404). */
public class UnknownReaderException extends RuntimeException {

    public UnknownReaderException(String readerId) {
        super("no reader '" + readerId + "'");
    }
}
