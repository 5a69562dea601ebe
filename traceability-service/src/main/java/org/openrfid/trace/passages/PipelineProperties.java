package org.openrfid.trace.passages;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rfid.pipeline.*}: smoothing and store batching.
 *
 * @param silence          a tag silent this long at a location has passed (default 2 s, a gantry lane)
 * @param silenceByLocation per-location overrides, e.g. {@code rfid.pipeline.silence-by-location.DOCK-3=30s}
 * @param storeRetryDelay  first wait before retrying a failed store batch (doubles up to 30 s)
 */
@ConfigurationProperties("rfid.pipeline")
public record PipelineProperties(
        @DefaultValue("2s") Duration silence,
        Map<String, Duration> silenceByLocation,
        @DefaultValue("500ms") Duration storeRetryDelay) {

    public PipelineProperties {
        silenceByLocation = silenceByLocation == null ? Map.of() : Map.copyOf(silenceByLocation);
    }
}
