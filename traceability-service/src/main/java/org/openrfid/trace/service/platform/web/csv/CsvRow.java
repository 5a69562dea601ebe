package org.openrfid.trace.service.platform.web.csv;

import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVRecord;

/** One data line being checked: fields by column name, each check's failure noted against its column. */
public final class CsvRow {

    private final CSVRecord record;
    private final long line;
    private final List<CsvProblem> sink;
    private boolean failed;

    CsvRow(CSVRecord record, long line, List<CsvProblem> sink) {
        this.record = record;
        this.line = line;
        this.sink = sink;
    }

    public long line() {
        return line;
    }

    /** The raw text of a column, null when the column is absent from the file or empty. */
    public String raw(String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String v = record.get(column);
        return v == null || v.isEmpty() ? null : v;
    }

    /** The column's value through {@code check}; an IllegalArgumentException becomes a problem and null. */
    public <V> V field(String column, Function<String, V> check) {
        try {
            return check.apply(raw(column));
        } catch (IllegalArgumentException e) {
            problem(column, e.getMessage());
            return null;
        }
    }

    public void problem(String column, String reason) {
        failed = true;
        sink.add(new CsvProblem(line, column, reason));
    }

    public boolean failed() {
        return failed;
    }
}
