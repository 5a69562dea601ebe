package org.openrfid.trace.web.registry;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.openrfid.trace.service.audit.AuditEntry;
import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.platform.web.csv.CsvRejectedException;
import org.openrfid.trace.service.registry.goods.ImportCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded registry files between the upload and the end of their import. A file is moved to a temporary file
 * as the container spooled it (never read whole into memory), previewed, and imported when its owner confirms —
 * on one import thread, so two large files do not fight over the database and the request that starts one
 * returns at once. Jobs live in this member's memory: a page follows its import on the member it uploaded to.
 * A job and its file are dropped an hour after it was staged.
 */
@Component
class ImportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    static final Duration KEPT = Duration.ofHours(1);

    private final RegistryFiles files;
    private final Auditor auditor;
    private final Clock clock;
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService importer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "registry-import");
        t.setDaemon(true);
        return t;
    });

    ImportJobs(RegistryFiles files, Auditor auditor, Clock clock) {
        this.files = files;
        this.auditor = auditor;
        this.clock = clock;
    }

    ImportJob stage(RegistryKind kind, MultipartFile upload, String owner) throws IOException {
        dropExpired();
        Path file = Files.createTempFile("registry-import-", ".csv");
        try {
            upload.transferTo(file);
            String name = upload.getOriginalFilename() == null || upload.getOriginalFilename().isBlank()
                    ? kind.fileName() : Path.of(upload.getOriginalFilename()).getFileName().toString();
            ImportJob job = new ImportJob(UUID.randomUUID().toString(), kind, name, file, owner, CsvPreview.of(file), clock.instant());
            jobs.put(job.id(), job);
            return job;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The job, for its owner only (another admin cannot watch or start someone's upload). */
    Optional<ImportJob> find(String id, String owner) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner().equals(owner));
    }

    /**
     * Starts a staged import; {@code who} is the person confirming it, for the audit record written when it ends.
     *
     * @return false when it was already started
     */
    boolean start(ImportJob job, AuditEntry who) {
        if (!job.start()) {
            return false;
        }
        importer.execute(() -> run(job, who));
        return true;
    }

    void discard(ImportJob job) {
        if (job.snapshot().state() != ImportJob.State.RUNNING) {
            jobs.remove(job.id());
            delete(job.file());
        }
    }

    /** The audit record is written before the page is told the end, so nothing shown as imported is unaudited. */
    private void run(ImportJob job, AuditEntry who) {
        Runnable finish;
        AuditOutcome outcome = AuditOutcome.FAILED;
        Long count = null;
        try (Reader in = Files.newBufferedReader(job.file(), StandardCharsets.UTF_8)) {
            ImportCounts counts = files.importFile(job.kind(), in, job::progress);
            outcome = AuditOutcome.OK;
            count = counts.created() + counts.updated();
            finish = () -> job.done(counts);
        } catch (CsvRejectedException e) {
            outcome = AuditOutcome.REFUSED;
            finish = () -> job.refused(e.problems(), e.problemCount());
        } catch (IOException | RuntimeException e) {
            log.warn("{} import of {} failed", job.kind().slug(), job.fileName(), e);
            finish = () -> job.failed(e.getMessage());
        } finally {
            delete(job.file());
        }
        try {
            auditor.record(new AuditEntry(who.username(), who.roles(), job.kind().auditName() + "_IMPORT", job.fileName(), null, count,
                    who.clientIp(), outcome));
        } catch (RuntimeException e) {
            log.error("The {} import of {} by {} could not be audited", job.kind().slug(), job.fileName(), who.username(), e);
            finish = () -> job.failed("the import could not be audited: " + e.getMessage());
        }
        finish.run();
    }

    private void dropExpired() {
        var cutoff = clock.instant().minus(KEPT);
        jobs.values().removeIf(j -> {
            boolean old = j.stagedAt().isBefore(cutoff) && j.snapshot().state() != ImportJob.State.RUNNING;
            if (old) {
                delete(j.file());
            }
            return old;
        });
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the uploaded file {}: {}", file, e.toString());
        }
    }

    @Override
    public void destroy() {
        importer.shutdownNow();
        jobs.values().forEach(j -> delete(j.file()));
        jobs.clear();
    }
}
