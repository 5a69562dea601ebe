package org.openrfid.trace.sampledata.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 CSV for the master-data files: a header row, LF line ends, fields quoted only when they
 * hold a comma, quote or line break. Parsing is commons-csv's; writing stays this small renderer,
 * because the committed files must remain byte for byte what they are and commons-csv's minimal
 * quoting also quotes some fields that need none (an empty first field, a leading '#').
 */
public final class Csv {
    private Csv() {
    }

    /** One parsed row with access by header name. */
    public record Row(Map<String, Integer> columns, List<String> values) {
        public String get(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                throw new IllegalArgumentException("no column " + column + " in " + columns.keySet());
            }
            return values.get(index);
        }

        public double getDouble(String column) {
            return Double.parseDouble(get(column));
        }

        public int getInt(String column) {
            return Integer.parseInt(get(column));
        }
    }

    public static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(escape(fields.get(i)));
        }
        return out.append('\n').toString();
    }

    public static String escape(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** A whole file as text: header then one line per item. */
    public static <T> String render(List<String> header, List<T> items, Function<T, List<String>> fields) {
        StringBuilder out = new StringBuilder(line(header));
        for (T item : items) {
            out.append(line(fields.apply(item)));
        }
        return out.toString();
    }

    /** The files' dialect: RFC 4180 with LF line ends; parsing accepts CRLF too. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    public static <T> List<T> read(InputStream in, List<String> expectedHeader, Function<Row, T> mapper) {
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            List<String> header = records.hasNext() ? records.next().toList() : List.of();
            if (!header.equals(expectedHeader)) {
                throw new IllegalStateException("unexpected header " + header + ", expected " + expectedHeader);
            }
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i), i);
            }
            List<T> rows = new ArrayList<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // a blank line
                }
                if (record.size() != header.size()) {
                    throw new IllegalStateException("line " + parser.getCurrentLineNumber() + ": " + record.size()
                            + " fields, expected " + header.size());
                }
                rows.add(mapper.apply(new Row(columns, record.toList())));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses one record given as text (the generated files never put line breaks inside quoted fields). */
    public static List<String> parseLine(String text) {
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of("") : records.get(0).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
