package org.openrfid.trace.identity;

import org.openrfid.trace.reader.RawEpc;

/**
 * The last decodes, direct-mapped by EPC hash: a reader reports the same tag many times while it passes
 * (every inventory round, every antenna), so repeated reads skip re-decoding. Lock-free and race-safe
 * because a {@link TagIdentity} is immutable (final fields only); a lost write is just a later miss.
 * Holds only results of the built-in TDS schemes, never plug-in or ISO results.
 *
 * <p>An EPC is admitted on its second decode only (a hash per slot remembers the first): a stream of
 * distinct EPCs then never churns the table, which would cost more in garbage collection (old-to-young
 * references) than the cache saves.
 */
final class RecentDecodes {

    private static final int SLOTS = 4096;
    private static final TagIdentity[] TABLE = new TagIdentity[SLOTS];
    private static final int[] SEEN = new int[SLOTS];

    private RecentDecodes() {
    }

    /** @param hash {@code epc.hashCode()}, computed once by the caller for both get and put */
    static TagIdentity get(RawEpc epc, int hash) {
        TagIdentity hit = TABLE[slot(hash)];
        return hit != null && hit.epc().equals(epc) ? hit : null;
    }

    static TagIdentity put(TagIdentity id, int h) {
        int slot = slot(h);
        if (SEEN[slot] == h) {
            TABLE[slot] = id;
        } else {
            SEEN[slot] = h;
        }
        return id;
    }

    private static int slot(int h) {
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
