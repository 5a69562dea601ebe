package org.openrfid.trace.web.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What a person checks before confirming an import: the header, the first rows with their line numbers, and how many
 * data rows the file has (the progress bar's end). Only shown, never imported: the registry's importer checks every
 * line itself, so a file this could not read still goes to the importer, which names the bad line.
 *
 * @param rows data rows in the file, or -1 when it is not readable as CSV to the end
 */
record CsvPreview(List<String> header, List<Line> first, long rows) {

    static final int SHOWN = 10;

    /** One data line as written in the file. */
    record Line(long number, List<String> fields) {
    }

    static CsvPreview of(Path file) {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        List<String> header = List.of();
        List<Line> first = new ArrayList<>();
        long rows = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = format.parse(in)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                // the line the record starts on, counted as the importer counts (the header is line 1)
                long line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                if (record.getRecordNumber() == 1) {
                    header = withoutBom(record.toList());
                    continue;
                }
                rows++;
                if (first.size() < SHOWN) {
                    first.add(new Line(line, record.toList()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            rows = -1;
        }
        return new CsvPreview(header, List.copyOf(first), rows);
    }

    private static List<String> withoutBom(List<String> header) {
        if (header.isEmpty() || !header.get(0).startsWith("\uFEFF")) {
            return header;
        }
        List<String> copy = new ArrayList<>(header);
        copy.set(0, copy.get(0).substring(1));
        return copy;
    }
}
