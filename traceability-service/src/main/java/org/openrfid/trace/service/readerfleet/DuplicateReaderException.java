package org.openrfid.trace.service.readerfleet;

/** A reader with this id exists already (the API answers 409). */
public class DuplicateReaderException extends RuntimeException {

    public DuplicateReaderException(String readerId) {
        super("reader '" + readerId + "' already exists");
    }
}
