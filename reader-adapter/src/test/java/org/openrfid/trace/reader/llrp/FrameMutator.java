package org.openrfid.trace.reader.llrp;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutations of valid LLRP frames, each a small value so that jqwik can shrink a failing input to the
 * few mutations that matter. They aim where a decoder goes wrong: length fields (of the message and of
 * each parameter found in it) set to the interesting values around their bounds, message and parameter
 * types swapped, parameters repeated or nested one level deeper, truncation, extension, insertion and
 * deletion of bytes, splicing with another frame, and plain bit flips. A conversation (several frames)
 * can also lose, repeat or swap frames.
 */
final class FrameMutator {

    /** One mutation; {@code frame}, {@code at} and {@code value} are reduced modulo what they index. */
    record Mutation(Kind kind, int frame, int at, int value) {
    }

    enum Kind {
        FLIP_BIT, SET_BYTE, INTERESTING_BYTE, PARAMETER_LENGTH, MESSAGE_LENGTH, MESSAGE_TYPE, PARAMETER_TYPE, TRUNCATE,
        APPEND, INSERT, DELETE, REPEAT_PARAMETER, NEST_PARAMETER, SPLICE, DROP_FRAME, REPEAT_FRAME, SWAP_FRAMES
    }

    private static final int[] INTERESTING_BYTES = {0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE, 0x0A, 0x04};
    private static final int[] MESSAGE_TYPES = {1, 2, 3, 4, 11, 12, 13, 14, 20, 21, 22, 24, 30, 31, 32, 34, 40, 41, 42,
        50, 51, 52, 61, 62, 63, 72, 100, 1023, 0, 1, 1022};
    private static final int[] PARAMETER_TYPES = {1, 13, 128, 137, 218, 240, 241, 246, 256, 257, 287, 349, 1023, 0, 4, 127, 1022};

    private final List<byte[]> spliceSources;

    FrameMutator(List<byte[]> spliceSources) {
        this.spliceSources = spliceSources;
    }

    /** Applies the mutations to a copy of the conversation; with {@code fixLengths} each message length is made true. */
    List<byte[]> apply(List<byte[]> frames, List<Mutation> mutations, boolean fixLengths) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] f : frames) {
            out.add(f.clone());
        }
        for (Mutation m : mutations) {
            if (out.isEmpty()) {
                break;
            }
            int i = Math.floorMod(m.frame(), out.size());
            switch (m.kind()) {
                case DROP_FRAME -> out.remove(i);
                case REPEAT_FRAME -> out.add(i, out.get(i).clone());
                case SWAP_FRAMES -> {
                    int j = Math.floorMod(m.at(), out.size());
                    byte[] t = out.get(i);
                    out.set(i, out.get(j));
                    out.set(j, t);
                }
                default -> out.set(i, mutate(out.get(i), m, fixLengths));
            }
        }
        return out;
    }

    byte[] mutate(byte[] f, Mutation m, boolean fixLength) {
        byte[] r = mutate(f, m);
        if (fixLength && m.kind() != Kind.MESSAGE_LENGTH && r.length >= LlrpFrames.HEADER_LENGTH) {
            putU32(r, 2, r.length);
        }
        return r;
    }

    private byte[] mutate(byte[] f, Mutation m) {
        if (f.length == 0) {
            return new byte[] {(byte) m.value()};
        }
        int at = Math.floorMod(m.at(), f.length);
        int v = m.value();
        List<Integer> params = parameterOffsets(f);
        switch (m.kind()) {
            case FLIP_BIT -> f[at] ^= (byte) (1 << (v & 7));
            case SET_BYTE -> f[at] = (byte) v;
            case INTERESTING_BYTE -> f[at] = (byte) INTERESTING_BYTES[Math.floorMod(v, INTERESTING_BYTES.length)];
            case PARAMETER_LENGTH -> {
                if (!params.isEmpty()) {
                    int p = params.get(Math.floorMod(m.at(), params.size()));
                    int len = u16(f, p + 2);
                    int[] choices = {0, 1, 3, 4, 5, len - 1, len + 1, len + 4, f.length - p, f.length - p + 1, 0x7FFF, 0xFFFF, v};
                    putU16(f, p + 2, choices[Math.floorMod(v, choices.length)]);
                }
            }
            case MESSAGE_LENGTH -> {
                if (f.length >= LlrpFrames.HEADER_LENGTH) {
                    long[] choices = {0, 1, 9, 10, 11, f.length - 1, f.length + 1, f.length * 2L, 0x10000, LlrpFrames.DEFAULT_MAX_FRAME,
                        LlrpFrames.DEFAULT_MAX_FRAME + 1L, 0x7FFF_FFFFL, 0xFFFF_FFFFL, v & 0xFFFF_FFFFL};
                    putU32(f, 2, choices[Math.floorMod(v, choices.length)]);
                }
            }
            case MESSAGE_TYPE -> {
                if (f.length >= 2) {
                    int type = (v & 0x8000) != 0 ? v & 0x3FF : MESSAGE_TYPES[Math.floorMod(v, MESSAGE_TYPES.length)];
                    int version = (v & 0x4000) != 0 ? (v >> 10) & 7 : 1;
                    f[0] = (byte) ((version << 2) | (type >> 8));
                    f[1] = (byte) type;
                }
            }
            case PARAMETER_TYPE -> {
                if (!params.isEmpty()) {
                    int p = params.get(Math.floorMod(m.at(), params.size()));
                    int type = (v & 0x8000) != 0 ? v & 0x3FF : PARAMETER_TYPES[Math.floorMod(v, PARAMETER_TYPES.length)];
                    if (type < 128 && (v & 0x4000) != 0) {
                        f[p] = (byte) (0x80 | type); // a TLV turned TV: its size now comes from a table
                    } else {
                        putU16(f, p, type & 0x3FF);
                    }
                }
            }
            case TRUNCATE -> {
                return Arrays.copyOf(f, at);
            }
            case APPEND -> {
                return concat(f, randomBytes(v, 1 + Math.floorMod(v, 64)));
            }
            case INSERT -> {
                return splice(f, at, 0, randomBytes(v, 1 + Math.floorMod(v, 16)));
            }
            case DELETE -> {
                return splice(f, at, Math.min(f.length - at, 1 + Math.floorMod(v, 16)), new byte[0]);
            }
            case REPEAT_PARAMETER -> {
                if (!params.isEmpty()) {
                    int p = params.get(Math.floorMod(m.at(), params.size()));
                    int len = Math.min(u16(f, p + 2), f.length - p);
                    int copies = 1 + Math.floorMod(v, 8);
                    byte[] one = Arrays.copyOfRange(f, p, p + len);
                    ByteArrayOutputStream many = new ByteArrayOutputStream();
                    for (int k = 0; k < copies; k++) {
                        many.writeBytes(one);
                    }
                    return splice(f, p, 0, many.toByteArray());
                }
            }
            case NEST_PARAMETER -> {
                // Wraps a parameter in a new TLV of a chosen type, with a true length: one level deeper.
                if (!params.isEmpty()) {
                    int p = params.get(Math.floorMod(m.at(), params.size()));
                    int len = Math.min(u16(f, p + 2), f.length - p);
                    int depth = 1 + Math.floorMod(v >> 8, 8);
                    byte[] inner = Arrays.copyOfRange(f, p, p + len);
                    for (int k = 0; k < depth && inner.length + 4 <= 0xFFFF; k++) {
                        byte[] outer = new byte[inner.length + 4];
                        putU16(outer, 0, PARAMETER_TYPES[Math.floorMod(v + k, PARAMETER_TYPES.length)] & 0x3FF);
                        putU16(outer, 2, outer.length);
                        System.arraycopy(inner, 0, outer, 4, inner.length);
                        inner = outer;
                    }
                    return splice(f, p, len, inner);
                }
            }
            case SPLICE -> {
                byte[] other = spliceSources.get(Math.floorMod(v, spliceSources.size()));
                int from = Math.floorMod(v >> 4, Math.max(1, other.length));
                return concat(Arrays.copyOf(f, at), Arrays.copyOfRange(other, Math.min(from, other.length), other.length));
            }
            default -> throw new IllegalStateException("frame-level mutation " + m.kind());
        }
        return f;
    }

    /**
     * Offsets of the TLV parameters in a frame, found by walking the body as parameters and, inside each
     * TLV, trying the offsets where its sub-parameters would start after a few bytes of fixed fields.
     * Heuristic: only used to aim mutations.
     */
    static List<Integer> parameterOffsets(byte[] f) {
        List<Integer> out = new ArrayList<>();
        if (f.length > LlrpFrames.HEADER_LENGTH) {
            walk(f, LlrpFrames.HEADER_LENGTH, f.length, out, 0);
        }
        return out;
    }

    private static final int[] TV_SIZE = {-1, 2, 8, 8, 8, 8, 1, 2, 2, 4, 2, 2, 2, 12, 2, 2, 4, 2, 4, 2, 2};
    private static final int[] FIXED_PARTS = {0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 16};

    /** @return whether [p, end) parsed as parameters exactly */
    private static boolean walk(byte[] f, int p, int end, List<Integer> out, int depth) {
        List<Integer> found = new ArrayList<>();
        while (p < end) {
            int b = f[p] & 0xFF;
            if ((b & 0x80) != 0) {
                int tv = b & 0x7F;
                if (tv >= TV_SIZE.length || TV_SIZE[tv] < 0 || p + 1 + TV_SIZE[tv] > end) {
                    return false;
                }
                p += 1 + TV_SIZE[tv];
                continue;
            }
            if (end - p < 4) {
                return false;
            }
            int len = u16(f, p + 2);
            if (len < 4 || len > end - p) {
                return false;
            }
            found.add(p);
            if (depth < 8) {
                for (int fixed : FIXED_PARTS) {
                    List<Integer> inner = new ArrayList<>();
                    if (p + 4 + fixed < p + len && walk(f, p + 4 + fixed, p + len, inner, depth + 1)) {
                        found.addAll(inner);
                        break;
                    }
                }
            }
            p += len;
        }
        out.addAll(found);
        return true;
    }

    private static byte[] randomBytes(int seed, int n) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static byte[] splice(byte[] f, int at, int remove, byte[] insert) {
        byte[] r = new byte[f.length - remove + insert.length];
        System.arraycopy(f, 0, r, 0, at);
        System.arraycopy(insert, 0, r, at, insert.length);
        System.arraycopy(f, at + remove, r, at + insert.length, f.length - at - remove);
        return r;
    }

    static int u16(byte[] f, int p) {
        return ((f[p] & 0xFF) << 8) | (f[p + 1] & 0xFF);
    }

    static void putU16(byte[] f, int p, int v) {
        f[p] = (byte) (v >>> 8);
        f[p + 1] = (byte) v;
    }

    static void putU32(byte[] f, int p, long v) {
        f[p] = (byte) (v >>> 24);
        f[p + 1] = (byte) (v >>> 16);
        f[p + 2] = (byte) (v >>> 8);
        f[p + 3] = (byte) v;
    }
}
