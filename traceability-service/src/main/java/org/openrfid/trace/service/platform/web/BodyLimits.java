package org.openrfid.trace.service.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code rfid.limits.*}: the largest request body each kind of endpoint takes; bigger ones get 413 and
 * change nothing.
 *
 * @param ingest  pushed reader JSON ({@code /api/v1/ingest/**}): a reader's batch, with room
 * @param epcis   EPCIS capture documents ({@code /epcis/capture})
 * @param imports CSV imports ({@code …/import}): a registry of a few million rows
 * @param other   every other request body (JSON of one object)
 */
@ConfigurationProperties("rfid.limits")
public record BodyLimits(
        @DefaultValue("16MB") DataSize ingest,
        @DefaultValue("32MB") DataSize epcis,
        @DefaultValue("1GB") DataSize imports,
        @DefaultValue("2MB") DataSize other) {

    /** The cap for a request path. */
    long bytesFor(String path) {
        if (path.startsWith("/api/v1/ingest/")) {
            return ingest.toBytes();
        }
        if (path.startsWith("/epcis/capture")) {
            return epcis.toBytes();
        }
        if (path.endsWith("/import")) {
            return imports.toBytes();
        }
        return other.toBytes();
    }
}
