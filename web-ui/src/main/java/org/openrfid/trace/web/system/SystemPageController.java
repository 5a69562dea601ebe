package org.openrfid.trace.web.system;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.openrfid.trace.service.passage.spool.PassageSpool;
import org.openrfid.trace.service.passage.spool.SpoolingPassageWriter;
import org.openrfid.trace.service.retention.RetentionJob;
import org.openrfid.trace.service.retention.RetentionProperties;
import org.openrfid.trace.web.system.cluster.ClusterMembers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /admin/system} (ADMIN, see SecurityConfiguration): this node (version, uptime, each health component
 * as {@code /actuator/health} reports it, the store and the spool), the cluster's members with the locations
 * each owns and the readers each holds, the pipeline's throughput and lag as charts fed by server-sent events
 * ({@code /admin/system/stream}, one {@code event: sample} every few seconds), and retention: the policy per
 * kind and the last run.
 */
@Controller
class SystemPageController {

    /** The page is meant to stay open on a wall screen; the browser reconnects after this anyway. */
    private static final long STREAM_TIMEOUT_MS = 30 * 60_000L;

    private final NodeHealth health;
    private final ClusterMembers cluster;
    private final PipelineSampler sampler;
    private final RetentionJob retention;
    private final RetentionProperties retentionProperties;
    private final SpoolingPassageWriter spool;
    private final ObjectProvider<BuildProperties> build;
    private final Clock clock;

    SystemPageController(NodeHealth health, ClusterMembers cluster, PipelineSampler sampler, RetentionJob retention,
                         RetentionProperties retentionProperties, SpoolingPassageWriter spool, ObjectProvider<BuildProperties> build,
                         Clock clock) {
        this.health = health;
        this.cluster = cluster;
        this.sampler = sampler;
        this.retention = retention;
        this.retentionProperties = retentionProperties;
        this.spool = spool;
        this.build = build;
        this.clock = clock;
    }

    @GetMapping("/admin/system")
    String system(Model model) {
        NodeHealth.Report report = health.report();
        model.addAttribute("health", report);
        model.addAttribute("node", node(report));
        model.addAttribute("members", cluster.members());
        model.addAttribute("clusterName", cluster.clusterName());
        model.addAttribute("samples", sampler.samplesJson());
        model.addAttribute("retention", RetentionView.of(retentionProperties, retention));
        return "system/index";
    }

    /** {@code event: sample}: {@code {"at","label","reads","passages","lag"}} per sample, as the sampler takes it. */
    @GetMapping(path = "/admin/system/stream", produces = "text/event-stream")
    SseEmitter stream() {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        try {
            sampler.open(emitter);
        } catch (IOException e) {
            emitter.completeWithError(e);
        }
        return emitter;
    }

    private NodeFacts node(NodeHealth.Report report) {
        Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        Duration uptime = Duration.between(started, clock.instant());
        PassageSpool s = spool.spool();
        long free;
        try {
            free = Files.getFileStore(s.directory()).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            free = -1;
        }
        return new NodeFacts(version(), started, uptime.isNegative() ? Duration.ZERO : uptime, storeKind(report), s.batches(), s.bytes(),
                s.maxBytes(), free, s.directory().toString());
    }

    private String version() {
        BuildProperties b = build.getIfAvailable();
        if (b != null && b.getVersion() != null) {
            return b.getVersion();
        }
        String v = getClass().getPackage().getImplementationVersion();
        return v != null ? v : "–";
    }

    /** The database behind the stores, as the {@code db} health component names it. */
    private static String storeKind(NodeHealth.Report report) {
        String product = report.component("db").map(c -> String.valueOf(c.detail("database"))).orElse("");
        String p = product.toLowerCase(Locale.ROOT);
        return p.contains("postgres") ? "POSTGIS" : p.contains("h2") ? "H2GIS" : "UNKNOWN";
    }
}
