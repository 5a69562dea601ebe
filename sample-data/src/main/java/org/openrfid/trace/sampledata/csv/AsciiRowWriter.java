package org.openrfid.trace.sampledata.csv;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A CSV writer for the high-volume files (scenario reads, passages): ASCII fields only, no quoting,
 * numbers formatted without {@code String.format} or boxing, because at 10^7 rows the formatter
 * would cost more than generating the data.
 */
public final class AsciiRowWriter implements Closeable, Flushable {
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private final byte[] digits = new byte[20];
    private int position;
    private boolean rowStarted;
    private long rows;

    public AsciiRowWriter(OutputStream out) {
        this.out = out;
    }

    public AsciiRowWriter text(String value) {
        separator();
        ensure(value.length());
        for (int i = 0; i < value.length(); i++) {
            buffer[position++] = (byte) value.charAt(i);
        }
        return this;
    }

    public AsciiRowWriter number(long value) {
        separator();
        ensure(21);
        if (value < 0) {
            buffer[position++] = '-';
            value = -value;
        }
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        while (n > 0) {
            buffer[position++] = digits[--n];
        }
        return this;
    }

    /** A value held in tenths, written with exactly one fraction digit: -555 becomes -55.5. */
    public AsciiRowWriter tenths(int tenths) {
        separator();
        ensure(14);
        if (tenths < 0) {
            buffer[position++] = '-';
            tenths = -tenths;
        }
        rowStarted = false;
        number(tenths / 10);
        buffer[position++] = '.';
        buffer[position++] = (byte) ('0' + tenths % 10);
        return this;
    }

    public AsciiRowWriter empty() {
        separator();
        return this;
    }

    public void endRow() {
        ensure(1);
        buffer[position++] = '\n';
        rowStarted = false;
        rows++;
    }

    public long rows() {
        return rows;
    }

    private void separator() {
        if (rowStarted) {
            ensure(1);
            buffer[position++] = ',';
        }
        rowStarted = true;
    }

    private void ensure(int bytes) {
        if (position + bytes > buffer.length) {
            drain();
        }
    }

    private void drain() {
        try {
            out.write(buffer, 0, position);
            position = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        flush();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
