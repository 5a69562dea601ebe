package org.openrfid.trace.service.platform.web.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a registry in its import format: a header, then page after page (keyset paging, so a large
 * registry is never held whole) until a page comes back empty.
 */
public final class CsvExport {

    /** Rows asked for per page. */
    public static final int PAGE = 1000;

    private CsvExport() {
    }

    /** Prints the records of one page (none, one or several per object). */
    @FunctionalInterface
    public interface PagePrinter<T> {
        void print(List<T> page, Records out);
    }

    /** The records of the file being written, counted. */
    public static final class Records {
        private final CSVPrinter printer;
        private long count;

        private Records(CSVPrinter printer) {
            this.printer = printer;
        }

        public void print(Object... values) {
            try {
                printer.printRecord(values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count++;
        }
    }

    /**
     * @param pageAfter the page of at most {@link #PAGE} objects after the given one (null: the first page)
     * @return the number of records written
     */
    public static <T> long write(Writer out, List<String> header, Function<T, List<T>> pageAfter, PagePrinter<T> printer) {
        try {
            Records records = new Records(CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                    .setRecordSeparator('\n').get().print(out));
            T last = null;
            while (true) {
                List<T> page = pageAfter.apply(last);
                if (page.isEmpty()) {
                    break;
                }
                printer.print(page, records);
                last = page.get(page.size() - 1);
            }
            records.printer.flush();
            return records.count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
