package org.openrfid.trace.pipeline;

import org.apache.camel.builder.RouteBuilder;

/**
 * One reader's reports into the reads queue. The reader is any Camel endpoint that produces
 * {@code TagReadBatch} bodies, in production the {@code llrp:} component.
 */
public final class ReaderRoute extends RouteBuilder {

    private final String readerId;
    private final String readerUri;
    private final PipelineEndpoints endpoints;

    public ReaderRoute(String readerId, String readerUri, PipelineEndpoints endpoints) {
        this.readerId = readerId;
        this.readerUri = readerUri;
        this.endpoints = endpoints;
    }

    public static String routeId(String readerId) {
        return "reader-" + readerId;
    }

    @Override
    public void configure() {
        from(readerUri).routeId(routeId(readerId)).to(endpoints.reads());
    }
}
