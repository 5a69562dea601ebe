package org.openrfid.trace.service.pipeline;

import org.apache.camel.CamelContext;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.pipeline.ReaderRoute;
import org.openrfid.trace.service.readerfleet.ReaderLinks;

/** A reader's link into the pipeline as one Camel route ({@link ReaderRoute}) per held reader. */
public final class CamelReaderLinks implements ReaderLinks {

    private final CamelContext camel;
    private final PipelineEndpoints endpoints;

    public CamelReaderLinks(CamelContext camel, PipelineEndpoints endpoints) {
        this.camel = camel;
        this.endpoints = endpoints;
    }

    @Override
    public void open(String readerId, String llrpUri) throws Exception {
        camel.addRoutes(new ReaderRoute(readerId, llrpUri, endpoints));
    }

    @Override
    public void close(String readerId) throws Exception {
        String routeId = ReaderRoute.routeId(readerId);
        camel.getRouteController().stopRoute(routeId);
        camel.removeRoute(routeId);
    }
}
