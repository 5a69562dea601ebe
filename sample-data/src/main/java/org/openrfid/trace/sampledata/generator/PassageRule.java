package org.openrfid.trace.sampledata.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The passage rule the pipeline implements, written out independently of the generator so tests
 * can check one against the other: all reads of one EPC at one location (every antenna mapped to
 * that location), in offset order; a gap of more than {@value #SILENCE_MS} ms starts a new passage.
 */
public final class PassageRule {
    public static final long SILENCE_MS = 2_000;

    private PassageRule() {
    }

    /**
     * @param readerLocation reader id to location id, from read-points.csv
     * @return passages sorted by first seen, then EPC, then location
     */
    public static List<PassageSummary> passages(List<Read> reads, Map<String, String> readerLocation) {
        Map<String, List<Read>> byTagAndPlace = new HashMap<>();
        for (Read read : reads) {
            String location = readerLocation.get(read.reader());
            if (location == null) {
                throw new IllegalArgumentException("reader not in read-points.csv: " + read.reader());
            }
            byTagAndPlace.computeIfAbsent(read.epc() + "|" + location, k -> new ArrayList<>()).add(read);
        }
        List<PassageSummary> passages = new ArrayList<>();
        byTagAndPlace.forEach((key, group) -> {
            String location = key.substring(key.indexOf('|') + 1);
            group.sort(Comparator.comparingLong(Read::offsetMs));
            Read first = group.get(0);
            long last = first.offsetMs();
            int count = 0;
            int peak = Integer.MIN_VALUE;
            for (Read read : group) {
                if (read.offsetMs() - last > SILENCE_MS) {
                    passages.add(new PassageSummary(first.epc(), location, first.offsetMs(), last, count, peak));
                    first = read;
                    count = 0;
                    peak = Integer.MIN_VALUE;
                }
                last = read.offsetMs();
                count++;
                peak = Math.max(peak, read.rssiTenths());
            }
            passages.add(new PassageSummary(first.epc(), location, first.offsetMs(), last, count, peak));
        });
        passages.sort(ORDER);
        return passages;
    }

    public static final Comparator<PassageSummary> ORDER = Comparator.comparingLong(PassageSummary::firstSeenMs)
            .thenComparing(PassageSummary::epc).thenComparing(PassageSummary::location);
}
