package org.openrfid.trace.sampledata.generator;

/**
 * Settings of a streaming run.
 *
 * @param startHour  hour of day at offset 0
 * @param clones     vehicles driving with a copied EPC on another chip
 * @param limit      stop after this many rows of the main file (passages or reads), 0 for no limit
 */
public record GeneratorOptions(long seed, long durationMs, int startHour, int vehicles, int clones, Mode mode, long limit) {
    public enum Mode { PASSAGES, READS }
}
