package org.openrfid.trace.web.registry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.openrfid.trace.service.platform.web.csv.CsvProblem;
import org.openrfid.trace.service.registry.goods.ImportCounts;

/**
 * One uploaded file from staging to its end: kept in a temporary file while the person looks at the preview,
 * then imported on the import thread, which moves the counters the progress stream reads. Written by one
 * thread at a time (the request that stages or starts it, then the import thread); read by any.
 */
final class ImportJob {

    enum State {
        STAGED, RUNNING, DONE, REFUSED, FAILED;

        public boolean finished() {
            return this == DONE || this == REFUSED || this == FAILED;
        }
    }

    /** What a page or a progress event shows, read once so its numbers agree with each other. */
    record Snapshot(State state, long checked, long written, long rows, ImportCounts counts, List<CsvProblem> problems,
                    long problemCount, String failure) {

        /** Percent of the file's rows checked, for the progress bar (0 while the size is unknown). */
        public int percent() {
            if (state.finished() && state != State.FAILED) {
                return 100;
            }
            return rows <= 0 ? 0 : (int) Math.min(100, checked * 100 / rows);
        }
    }

    private final String id;
    private final RegistryKind kind;
    private final String fileName;
    private final Path file;
    private final String owner;
    private final CsvPreview preview;
    private final Instant stagedAt;
    private volatile State state = State.STAGED;
    private volatile long checked;
    private volatile long written;
    private volatile ImportCounts counts;
    private volatile List<CsvProblem> problems = List.of();
    private volatile long problemCount;
    private volatile String failure;

    ImportJob(String id, RegistryKind kind, String fileName, Path file, String owner, CsvPreview preview, Instant stagedAt) {
        this.id = id;
        this.kind = kind;
        this.fileName = fileName;
        this.file = file;
        this.owner = owner;
        this.preview = preview;
        this.stagedAt = stagedAt;
    }

    Snapshot snapshot() {
        return new Snapshot(state, checked, written, preview.rows(), counts, problems, problemCount, failure);
    }

    synchronized boolean start() {
        if (state != State.STAGED) {
            return false;
        }
        state = State.RUNNING;
        return true;
    }

    void progress(long checkedRows, long writtenRows) {
        checked = checkedRows;
        written = writtenRows;
    }

    void done(ImportCounts result) {
        counts = result;
        checked = result.rows();
        written = result.rows();
        state = State.DONE;
    }

    void refused(List<CsvProblem> found, long count) {
        problems = List.copyOf(found);
        problemCount = count;
        written = 0;
        state = State.REFUSED;
    }

    void failed(String why) {
        failure = why;
        state = State.FAILED;
    }

    public String id() {
        return id;
    }

    public RegistryKind kind() {
        return kind;
    }

    public String fileName() {
        return fileName;
    }

    Path file() {
        return file;
    }

    String owner() {
        return owner;
    }

    public CsvPreview preview() {
        return preview;
    }

    Instant stagedAt() {
        return stagedAt;
    }
}
