package org.openrfid.trace.service.platform.web.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Streams an import file (RFC 4180 CSV with a header row) through a row parser into batches. The
 * caller runs this inside one transaction: batches are written as they fill while the file is
 * clean, every line is still checked after the first bad one (so one upload reports them all), and
 * at the end any problem throws {@link CsvRejectedException}, which rolls everything back.
 */
public final class CsvReading {

    private static final Logger log = LoggerFactory.getLogger(CsvReading.class);

    /** Problems listed in the answer; the total is always given. */
    public static final int MAX_REPORTED_PROBLEMS = 1000;
    public static final int BATCH = 1000;
    static final int PROGRESS_EVERY = 10_000;

    private CsvReading() {
    }

    /** Turns a checked row into a value, or returns null after noting problems on the row. */
    @FunctionalInterface
    public interface RowParser<T> {
        T parse(CsvRow row);
    }

    /**
     * @param what     the registry's name, for logs and messages
     * @param required columns the header must have (others are allowed when listed in {@code optional})
     * @param sink     writes one batch; an IllegalArgumentException or data access failure there becomes a
     *                 problem on the batch's first line and stops further writes
     * @return the number of data rows
     */
    public static <T> long read(Reader in, String what, List<String> required, List<String> optional,
                                RowParser<T> rowParser, Consumer<List<T>> sink) {
        return read(in, what, required, optional, rowParser, sink, CsvProgress.NONE);
    }

    /** As {@link #read(Reader, String, List, List, RowParser, Consumer)}, telling {@code progress} as it goes. */
    public static <T> long read(Reader in, String what, List<String> required, List<String> optional,
                                RowParser<T> rowParser, Consumer<List<T>> sink, CsvProgress progress) {
        Problems problems = new Problems();
        long written = 0;
        long rows = 0;
        long started = System.nanoTime();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(false).setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.DISALLOW).get();
        try (CSVParser parser = format.parse(skipBom(in))) {
            List<String> header = parser.getHeaderNames();
            checkHeader(header, required, optional, problems);
            if (!problems.list.isEmpty()) {
                throw problems.reject(what);
            }
            List<T> batch = new ArrayList<>(BATCH);
            long batchLine = 0;
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    // Unbalanced quotes and the like: the rest of the file cannot be read reliably.
                    problems.add(new CsvProblem(line, null, "not readable as CSV: " + rootMessage(e)));
                    break;
                }
                rows++;
                List<CsvProblem> rowProblems = new ArrayList<>(2);
                CsvRow row = new CsvRow(record, line, rowProblems);
                T value = null;
                if (record.size() != header.size()) {
                    row.problem(null, "has " + record.size() + " fields, the header has " + header.size());
                } else {
                    value = rowParser.parse(row);
                }
                rowProblems.forEach(problems::add);
                if (value != null && !row.failed() && problems.count == 0) {
                    if (batch.isEmpty()) {
                        batchLine = line;
                    }
                    batch.add(value);
                    if (batch.size() == BATCH) {
                        written += write(sink, batch, batchLine, problems);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (rows % BATCH == 0) {
                    progress.rows(rows, written);
                }
                if (rows % PROGRESS_EVERY == 0) {
                    log.info("{} import: {} rows checked, {} problems, {} rows/s", what, rows, problems.count,
                            (long) (rows / Math.max(1e-9, (System.nanoTime() - started) / 1e9)));
                }
            }
            if (!batch.isEmpty() && problems.count == 0) {
                written += write(sink, batch, batchLine, problems);
            }
            progress.rows(rows, written);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the " + what + " file", e);
        }
        if (problems.count > 0) {
            log.info("{} import refused after {} rows: {} problems", what, rows, problems.count);
            throw problems.reject(what);
        }
        log.info("{} import: {} rows in {} ms", what, rows, (System.nanoTime() - started) / 1_000_000);
        return rows;
    }

    /** @return the rows written: the batch, or none when the registry refused it */
    private static <T> int write(Consumer<List<T>> sink, List<T> batch, long line, Problems problems) {
        try {
            sink.accept(batch);
            return batch.size();
        } catch (IllegalArgumentException e) {
            problems.add(new CsvProblem(line, null, "in the batch starting here: " + e.getMessage()));
        } catch (DataAccessException e) {
            problems.add(new CsvProblem(line, null, "in the batch starting here, the registry refused a row: " + rootMessage(e)));
        }
        return 0;
    }

    private static void checkHeader(List<String> header, List<String> required, List<String> optional, Problems problems) {
        Set<String> known = new HashSet<>(required);
        known.addAll(optional);
        for (String column : required) {
            if (!header.contains(column)) {
                problems.add(new CsvProblem(1, column, "missing column; the header must have " + String.join(",", required)));
            }
        }
        for (String column : header) {
            if (!known.contains(column)) {
                problems.add(new CsvProblem(1, column, "unknown column; known are " + String.join(",", required)
                        + (optional.isEmpty() ? "" : " and optionally " + String.join(",", optional))));
            }
        }
    }

    private static Reader skipBom(Reader in) throws IOException {
        java.io.PushbackReader pushback = new java.io.PushbackReader(in, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Problems in file order: the first ones kept, all counted. */
    private static final class Problems {
        final List<CsvProblem> list = new ArrayList<>();
        long count;

        void add(CsvProblem p) {
            count++;
            if (list.size() < MAX_REPORTED_PROBLEMS) {
                list.add(p);
            }
        }

        CsvRejectedException reject(String what) {
            return new CsvRejectedException(what, list, count);
        }
    }

    /** A check for a required text column of at most {@code max} characters. */
    public static Function<String, String> text(int max) {
        return v -> {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("is required");
            }
            if (v.length() > max) {
                throw new IllegalArgumentException("is longer than " + max + " characters");
            }
            return v;
        };
    }
}
