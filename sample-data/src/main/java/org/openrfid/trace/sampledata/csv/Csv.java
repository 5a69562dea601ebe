package org.openrfid.trace.sampledata.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * RFC 4180 CSV, just enough for the master-data files: a header row, LF line ends, fields quoted
 * only when they hold a comma, quote or line break. Kept in-house so the module has no runtime
 * dependency (DESIGN.md section 3).
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

    public static <T> List<T> read(InputStream in, List<String> expectedHeader, Function<Row, T> mapper) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = parseLine(reader.readLine());
            if (!header.equals(expectedHeader)) {
                throw new IllegalStateException("unexpected header " + header + ", expected " + expectedHeader);
            }
            Map<String, Integer> columns = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i), i);
            }
            List<T> rows = new ArrayList<>();
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                if (!text.isEmpty()) {
                    rows.add(mapper.apply(new Row(columns, parseLine(text))));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses one physical line; our files never put line breaks inside quoted fields. */
    public static List<String> parseLine(String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
