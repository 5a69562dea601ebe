package org.openrfid.trace.service.platform.web.csv;

import java.util.List;

/** An import file was refused whole; nothing of it was written. */
public class CsvRejectedException extends RuntimeException {

    private final transient List<CsvProblem> problems;
    private final long problemCount;

    public CsvRejectedException(String what, List<CsvProblem> problems, long problemCount) {
        super(what + " import refused: " + problemCount + " problem(s), nothing was written");
        this.problems = List.copyOf(problems);
        this.problemCount = problemCount;
    }

    /** The first {@link CsvReading#MAX_REPORTED_PROBLEMS} problems in file order. */
    public List<CsvProblem> problems() {
        return problems;
    }

    /** All problems found, reported or not. */
    public long problemCount() {
        return problemCount;
    }
}
