package org.openrfid.trace.service.readerfleet;

/** Told when a reader joins or leaves {@link ReaderConnections} (metrics, audit). */
public interface ReaderListener {

    void added(ReaderDefinition reader);

    void removed(String readerId);
}
