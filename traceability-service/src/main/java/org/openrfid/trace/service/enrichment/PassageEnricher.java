package org.openrfid.trace.service.enrichment;

import org.openrfid.trace.service.passage.EnrichedPassage;

import java.util.List;
import org.openrfid.trace.passage.Passage;

/**
 * Adds what the registry knows to a batch of completed passages: the object each tag was bound to
 * at the passage's first-seen time, and the location's name, kind and position.
 */
@FunctionalInterface
public interface PassageEnricher {

    /** Leaves passages bare: for tests and tools that store passages without a registry. */
    PassageEnricher NONE = passages -> passages.stream().map(EnrichedPassage::bare).toList();

    /**
     * The passages, in the same order, with what the registry knows of them.
     *
     * @throws RuntimeException when the registry cannot be asked (the caller spools the batch and
     *                          enriches it again on replay)
     */
    List<EnrichedPassage> enrich(List<Passage> passages);
}
