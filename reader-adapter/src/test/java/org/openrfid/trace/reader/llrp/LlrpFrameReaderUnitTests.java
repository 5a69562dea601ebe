package org.openrfid.trace.reader.llrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.llrp.LlrpFrames.LlrpFrameException;

class LlrpFrameReaderUnitTests {

    /** Hands out its chunks one read at a time and times out between them, as a socket with SO_TIMEOUT does. */
    private static final class ChoppyStream extends InputStream {
        private final Deque<byte[]> chunks = new ArrayDeque<>();
        private boolean timeoutNext;

        ChoppyStream(byte[] data, int... cuts) {
            int from = 0;
            for (int cut : cuts) {
                chunks.add(Arrays.copyOfRange(data, from, cut));
                from = cut;
            }
            chunks.add(Arrays.copyOfRange(data, from, data.length));
        }

        @Override
        public int read() throws SocketTimeoutException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws SocketTimeoutException {
            if (timeoutNext) {
                timeoutNext = false;
                throw new SocketTimeoutException("Read timed out");
            }
            byte[] c = chunks.peek();
            if (c == null) {
                return -1;
            }
            int n = Math.min(len, c.length);
            System.arraycopy(c, 0, b, off, n);
            chunks.pop();
            if (n < c.length) {
                chunks.push(Arrays.copyOfRange(c, n, c.length));
            } else {
                timeoutNext = true;
            }
            return n;
        }
    }

    private static byte[] reads(LlrpFrameReader r, int timeoutsAllowed) throws Exception {
        for (int i = 0; i <= timeoutsAllowed; i++) {
            try {
                return r.read();
            } catch (SocketTimeoutException e) {
                // as the session does: look up, then read on
            }
        }
        throw new AssertionError("more timeouts than chunks");
    }

    @Test
    void resumesAFrameAfterTimeoutsInItsHeaderAndBody() throws Exception {
        byte[] a = FakeReader.report("3074257BF7194E4000001A85", 1, 1);
        byte[] b = FakeReader.report("3074257BF7194E4000001A86", 2, 2);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(a);
        both.write(b);
        LlrpFrameReader r = new LlrpFrameReader(new ChoppyStream(both.toByteArray(), 1, 4, 9, 15, 29, 33), 1 << 20);

        assertThat(reads(r, 10)).isEqualTo(a);
        assertThatThrownBy(r::read).isInstanceOf(SocketTimeoutException.class);
        assertThat(r.midFrame()).as("three bytes of the second header are in").isTrue();
        assertThat(reads(r, 10)).isEqualTo(b);
        assertThat(r.midFrame()).isFalse();
        assertThat(reads(r, 10)).isNull();
        assertThat(r.bytesRead()).isEqualTo(60);
    }

    @Test
    void readsAFrameLargerThanItsFirstBuffer() throws Exception {
        int length = LlrpFrameReader.FIRST_CHUNK * 3 + 17;
        byte[] f = new byte[length];
        System.arraycopy(LlrpFrames.headerOnly(LlrpMessageType.CUSTOM_MESSAGE, 9), 0, f, 0, LlrpFrames.HEADER_LENGTH);
        f[2] = (byte) (length >>> 24);
        f[3] = (byte) (length >>> 16);
        f[4] = (byte) (length >>> 8);
        f[5] = (byte) length;
        for (int i = LlrpFrames.HEADER_LENGTH; i < length; i++) {
            f[i] = (byte) i;
        }
        LlrpFrameReader r = new LlrpFrameReader(new ChoppyStream(f, 5, 70_000, 140_000), LlrpFrames.DEFAULT_MAX_FRAME);
        assertThat(reads(r, 10)).isEqualTo(f);
    }

    @Test
    void streamEndingInsideAFrameIsAnError() {
        byte[] a = FakeReader.report("3074257BF7194E4000001A85", 1, 1);
        LlrpFrameReader r = new LlrpFrameReader(new java.io.ByteArrayInputStream(a, 0, 20), 1 << 20);
        assertThatThrownBy(r::read).isInstanceOf(EOFException.class);
        LlrpFrameReader inHeader = new LlrpFrameReader(new java.io.ByteArrayInputStream(a, 0, 6), 1 << 20);
        assertThatThrownBy(inHeader::read).isInstanceOf(EOFException.class);
    }

    @Test
    void lengthsOutsideTheLimitsAreRefusedBeforeAnyBodyIsRead() {
        byte[] tooShort = LlrpFrames.headerOnly(LlrpMessageType.KEEPALIVE, 1);
        tooShort[5] = 9;
        assertThatThrownBy(() -> new LlrpFrameReader(new java.io.ByteArrayInputStream(tooShort), 1 << 20).read())
                .isInstanceOf(LlrpFrameException.class).hasMessageContaining("smaller than the header");
        byte[] tooLong = LlrpFrames.headerOnly(LlrpMessageType.KEEPALIVE, 1);
        tooLong[2] = 0x7F;
        assertThatThrownBy(() -> new LlrpFrameReader(new java.io.ByteArrayInputStream(tooLong), 1 << 20).read())
                .isInstanceOf(LlrpFrameException.class).hasMessageContaining("exceeds the limit");
    }

    /**
     * Regression (found by LlrpFuzzingUnitTests' allocation bound): the buffer was allocated from the
     * Length field before a byte of the body had come, so a header claiming 16 MiB cost 16 MiB.
     */
    @Test
    void aLengthFieldAloneDoesNotAllocateTheFrame() {
        byte[] claim = new byte[LlrpFrames.HEADER_LENGTH + 100];
        System.arraycopy(LlrpFrames.headerOnly(LlrpMessageType.RO_ACCESS_REPORT, 1), 0, claim, 0, LlrpFrames.HEADER_LENGTH);
        FrameMutator.putU32(claim, 2, LlrpFrames.DEFAULT_MAX_FRAME);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        LlrpFrameReader r = new LlrpFrameReader(new java.io.ByteArrayInputStream(claim), LlrpFrames.DEFAULT_MAX_FRAME);
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(r::read).isInstanceOf(EOFException.class);
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(1L << 20);
    }
}
