package org.openrfid.trace.identity;

import java.util.Random;
import org.openrfid.trace.reader.RawEpc;

/**
 * Single-thread speed harness for decoding EPC-96 (goal: at least 5 million decodes per second per core).
 * Not a unit test; run it with
 * {@code java -Xms1g -Xmx1g -cp event-pipeline/target/classes:event-pipeline/target/test-classes:reader-adapter/target/classes
 * org.openrfid.trace.identity.EpcDecodeSpeed [seconds]}. A JMH version would need jmh-core in this module.
 */
public final class EpcDecodeSpeed {

    private EpcDecodeSpeed() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        // 16,384 distinct EPCs cycle through the 4,096-slot recent-decodes cache: (almost) every decode is cold
        RawEpc[] distinct = sample(16_384, new Random(42));
        // 256 tags read over and over, as at a read point: decodes after the first come from the cache
        RawEpc[] repeated = sample(256, new Random(7));
        run(distinct, 3_000_000_000L);
        run(repeated, 1_000_000_000L);
        report("cold (16,384 distinct EPCs)", distinct, seconds);
        report("repeated reads (256 tags)", repeated, seconds);
    }

    private static void report(String what, RawEpc[] epcs, int seconds) {
        long start = System.nanoTime();
        long n = 0;
        long sink = 0;
        while (System.nanoTime() - start < seconds * 1_000_000_000L) {
            for (RawEpc e : epcs) {
                TagIdentity id = EpcDecoder.decode(e);
                sink += id.tagUri().length() + id.digitalLink().length();
            }
            n += epcs.length;
        }
        double perSecond = n / ((System.nanoTime() - start) / 1e9);
        System.out.printf("%-30s %,13d decodes in %d s: %,12.0f decodes/s on one thread (sink %d)%n",
                what, n, seconds, perSecond, sink);
    }

    private static long run(RawEpc[] epcs, long nanos) {
        long sink = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < nanos) {
            for (RawEpc e : epcs) {
                sink += EpcDecoder.decode(e).pureIdentityUri().length();
            }
        }
        return sink;
    }

    /** SGTIN-96, SSCC-96 and GRAI-96 with random company prefix lengths, references and serials. */
    static RawEpc[] sample(int n, Random rnd) {
        RawEpc[] out = new RawEpc[n];
        for (int i = 0; i < n; i++) {
            int gcp = 6 + rnd.nextInt(7);
            String prefix = digits(rnd, gcp);
            long serial = rnd.nextLong() >>> 27;
            out[i] = switch (i % 3) {
                case 0 -> EpcEncoder.encode("urn:epc:tag:sgtin-96:1." + prefix + "." + digits(rnd, 13 - gcp) + "." + serial);
                case 1 -> EpcEncoder.encode("urn:epc:tag:sscc-96:2." + prefix + "." + digits(rnd, 17 - gcp));
                default -> EpcEncoder.encode("urn:epc:tag:grai-96:0." + prefix + "." + digits(rnd, 12 - gcp) + "." + serial);
            };
        }
        return out;
    }

    private static String digits(Random rnd, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + rnd.nextInt(10)));
        }
        return b.toString();
    }
}
