package org.openrfid.trace.web.system;

import java.time.Instant;

/**
 * The pipeline at one moment, as the system page charts it: reads into smoothing and passages completed per
 * second since the previous sample, and the pipeline's lag then.
 */
public record PipelineSample(Instant at, double readsPerSecond, double passagesPerSecond, double lagSeconds) {
}
