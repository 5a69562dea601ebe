package org.openrfid.trace.service.platform.web.csv;

import java.io.Reader;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shape every registry import has: read the file with {@link CsvReading} inside one transaction,
 * each row through the importer's parser (which notes line-numbered problems on the row), each clean
 * batch through its writer, and refuse the whole file ({@link CsvRejectedException}, rolling back)
 * when any line has a problem. An importer keeps only its columns, its row parser and its writer;
 * state of one file (duplicate checks, counts) lives in the lambdas it passes to {@link #run}.
 *
 * @param <R> what one row becomes
 */
public final class CsvImport<R> {

    private final String what;
    private final List<String> required;
    private final List<String> optional;
    private final TransactionTemplate tx;

    /**
     * @param what     the registry's name, for logs and the refusal message
     * @param required columns the header must have
     * @param optional columns the header may have
     */
    public CsvImport(String what, List<String> required, List<String> optional, TransactionTemplate tx) {
        this.what = what;
        this.required = List.copyOf(required);
        this.optional = List.copyOf(optional);
        this.tx = tx;
    }

    /**
     * Imports the whole file or nothing.
     *
     * @return the number of data rows
     */
    public long run(Reader in, CsvReading.RowParser<R> parser, Consumer<List<R>> writer) {
        return run(in, parser, writer, CsvImport::noWholeFileProblems);
    }

    /** Imports the whole file or nothing, telling {@code progress} as rows are checked and written. */
    public long run(Reader in, CsvReading.RowParser<R> parser, Consumer<List<R>> writer, CsvProgress progress) {
        return run(in, parser, writer, CsvImport::noWholeFileProblems, progress);
    }

    /**
     * Imports the whole file or nothing; {@code wholeFileCheck} runs once every row is read and written, still
     * inside the transaction, for what only the whole file can tell (a reference to a later line), and its
     * problems refuse the file too.
     *
     * @return the number of data rows
     */
    public long run(Reader in, CsvReading.RowParser<R> parser, Consumer<List<R>> writer, Supplier<List<CsvProblem>> wholeFileCheck) {
        return run(in, parser, writer, wholeFileCheck, CsvProgress.NONE);
    }

    /** As {@link #run(Reader, CsvReading.RowParser, Consumer, Supplier)}, telling {@code progress} as rows are checked and written. */
    public long run(Reader in, CsvReading.RowParser<R> parser, Consumer<List<R>> writer, Supplier<List<CsvProblem>> wholeFileCheck,
                    CsvProgress progress) {
        Long rows = tx.execute(status -> {
            long n = CsvReading.read(in, what, required, optional, parser, writer, progress);
            List<CsvProblem> problems = wholeFileCheck.get();
            if (!problems.isEmpty()) {
                throw new CsvRejectedException(what, problems.subList(0, Math.min(problems.size(), CsvReading.MAX_REPORTED_PROBLEMS)),
                        problems.size());
            }
            return n;
        });
        return rows == null ? 0 : rows;
    }

    private static List<CsvProblem> noWholeFileProblems() {
        return List.of();
    }
}
