package org.openrfid.trace.service.readerfleet;

/**
 * "Test connection": runs the LLRP greeting and capability questions against an address and says what the
 * reader reported or why it failed. Configures nothing on the reader.
 */
public interface ReaderProbe {

    /** Probes a reader we would dial at {@code host:port} (with TLS when {@code tls}). */
    ReaderProbeResult probe(String host, int port, boolean tls);

    /** Probes a defined reader; one that dials in itself cannot be dialled and says so. */
    default ReaderProbeResult probe(ReaderDefinition reader) {
        if (reader.connection() == org.openrfid.trace.reader.llrp.ConnectionMode.READER_INITIATED) {
            return ReaderProbeResult.failed(reader.host(), ReaderProbeResult.READER_DIALS_IN,
                    "reader " + reader.id() + " dials in (READER_INITIATED): it cannot be dialled to test it");
        }
        return probe(reader.host(), reader.port(), reader.tls());
    }
}
