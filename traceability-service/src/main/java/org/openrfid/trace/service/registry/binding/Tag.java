package org.openrfid.trace.service.registry.binding;

import java.util.Objects;
import org.openrfid.trace.reader.RawEpc;

/**
 * A physical tag known to the registry.
 *
 * @param epc the EPC as programmed (bit-exact; stored as upper-case hex plus bit length, like passages)
 * @param tid the chip's TID in upper-case hex, or null when not registered; a passage read with another
 *            TID is a copied EPC
 */
public record Tag(RawEpc epc, String tid) {

    public Tag {
        Objects.requireNonNull(epc, "epc");
        tid = tid == null || tid.isBlank() ? null : Tids.normalise(tid);
    }
}
