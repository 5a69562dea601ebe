package org.openrfid.trace.service.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rfid.pipeline.*}: filters, smoothing and store batching.
 *
 * @param silence           a tag silent this long at a location has passed (default 2 s, a gantry lane)
 * @param silenceByLocation per-location overrides, e.g. {@code rfid.pipeline.silence-by-location.DOCK-3=30s}
 * @param silenceByKind     per-location-kind overrides, e.g. {@code rfid.pipeline.silence-by-kind.dock_door=30s}
 * @param locationKinds     the kind of each location for the kind overrides, e.g.
 *                          {@code rfid.pipeline.location-kinds.DOCK-3=dock_door}
 * @param allowedLateness   how far behind its reader's newest read a read may arrive and still be merged
 *                          (later ones are counted in {@code rfid_reads_late}); passages close this much later
 * @param antennaRoles      entry/exit antennas for direction, keyed {@code reader/antenna}, e.g.
 *                          {@code rfid.pipeline.antenna-roles[gantry-1/1]=entry}
 * @param filter            read filters applied before smoothing
 * @param storeRetryDelay   first wait before retrying a failed store batch (doubles up to 30 s)
 * @param storeBatchSize    passages gathered into one store write at most (default 5,000)
 * @param storeBatchLinger  how long a store write waits for more passages to fill its batch (default 10 ms;
 *                          0: write what is waiting now). Size or time, whichever comes first.
 */
@ConfigurationProperties("rfid.pipeline")
public record PipelineProperties(
        @DefaultValue("2s") Duration silence,
        Map<String, Duration> silenceByLocation,
        Map<String, Duration> silenceByKind,
        Map<String, String> locationKinds,
        @DefaultValue("1s") Duration allowedLateness,
        Map<String, String> antennaRoles,
        @DefaultValue Filter filter,
        @DefaultValue("500ms") Duration storeRetryDelay,
        @DefaultValue("5000") int storeBatchSize,
        @DefaultValue("10ms") Duration storeBatchLinger,
        @DefaultValue ReaderClock readerClock) {

    public PipelineProperties {
        silenceByLocation = silenceByLocation == null ? Map.of() : Map.copyOf(silenceByLocation);
        silenceByKind = silenceByKind == null ? Map.of() : Map.copyOf(silenceByKind);
        locationKinds = locationKinds == null ? Map.of() : Map.copyOf(locationKinds);
        antennaRoles = antennaRoles == null ? Map.of() : Map.copyOf(antennaRoles);
        filter = filter == null ? new Filter(null, null, null, null, null, "keep") : filter;
        readerClock = readerClock == null ? new ReaderClock(null, null, null) : readerClock;
        if (storeBatchSize < 1) {
            throw new IllegalArgumentException("rfid.pipeline.store-batch-size: " + storeBatchSize + " is not a positive number of passages");
        }
        if (storeBatchLinger == null || storeBatchLinger.isNegative()) {
            throw new IllegalArgumentException("rfid.pipeline.store-batch-linger: give a duration of 0 or more");
        }
    }

    /**
     * {@code rfid.pipeline.filter.*}, as ALE filter specs.
     *
     * @param rssiFloor   reads weaker than this many dBm are dropped (reads without RSSI pass)
     * @param include     EPC patterns ({@code urn:epc:pat:sgtin-96:3.0614141.*.*}, {@code urn:epc:idpat:...});
     *                    when set, a read must match one
     * @param exclude     EPC patterns whose reads are dropped
     * @param allow       per location id: when set, reads there must match one of these patterns
     * @param deny        per location id: reads there matching one of these are dropped
     * @param unknownTags {@code keep} or {@code drop} tags that are not a GS1 / TDS EPC
     */
    /**
     * {@code rfid.pipeline.reader-clock.*}: how far a reader's clock is trusted against the time its reads
     * arrive (docs/reliability-pipeline.md). Reads outside the bounds are dead-lettered ({@code CLOCK_SKEW}),
     * counted and kept out of the reader's watermark.
     *
     * @param maxAhead  reads dated further ahead of their arrival are refused (default 5 min)
     * @param maxBehind reads dated further behind their arrival are refused (default 24 h: overnight replays pass)
     * @param stepBack  a reader whose clock steps back more than this is re-based (default 1 min)
     */
    public record ReaderClock(@DefaultValue("5m") Duration maxAhead, @DefaultValue("24h") Duration maxBehind,
                              @DefaultValue("1m") Duration stepBack) {

        public ReaderClock {
            maxAhead = maxAhead == null ? Duration.ofMinutes(5) : maxAhead;
            maxBehind = maxBehind == null ? Duration.ofHours(24) : maxBehind;
            stepBack = stepBack == null ? Duration.ofMinutes(1) : stepBack;
        }
    }

    public record Filter(Double rssiFloor, List<String> include, List<String> exclude,
                         Map<String, List<String>> allow, Map<String, List<String>> deny,
                         @DefaultValue("keep") String unknownTags) {
    }
}
