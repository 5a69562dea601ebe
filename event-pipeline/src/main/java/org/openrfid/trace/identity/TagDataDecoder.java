package org.openrfid.trace.identity;

import java.util.Optional;
import org.openrfid.trace.reader.RawEpc;

/**
 * Extension point for tag data that is not a GS1 EPC, for example a national vehicle e-plate layout.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/org.openrfid.trace.identity.TagDataDecoder}) and are consulted by
 * {@link EpcDecoder} in load order, only for EPC banks that GS1 EPC TDS 1.13 does not cover: a header
 * that Table 14-1 does not assign, or a PC word with the toggle bit (17h) set, i.e. ISO/IEC 15961 data.
 * The first non-empty answer wins; without one the tag is reported as {@code unknown} or {@code iso-uii}.
 * An implementation that recognises its data but finds it corrupt should throw {@link InvalidEpcException}.
 */
public interface TagDataDecoder {

    /** Value of {@code pcWord} when the reader did not report the PC word. */
    int NO_PC_WORD = -1;

    /**
     * @param epc the EPC bank contents from bit 20h on, as the reader reported them
     * @param pcWord the 16-bit Gen2 PC word, or {@link #NO_PC_WORD}
     * @return the identity when this decoder owns the data, otherwise empty
     */
    Optional<TagIdentity> decode(RawEpc epc, int pcWord);
}
