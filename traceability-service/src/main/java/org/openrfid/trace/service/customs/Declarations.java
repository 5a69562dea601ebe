package org.openrfid.trace.service.customs;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Customs declarations and their histories (port). */
public interface Declarations {

    /** Inserts or replaces by number, with the units it declares. */
    void save(Declaration declaration);

    Optional<Declaration> find(String number);

    /** Up to {@code limit} in number order after {@code afterNumber} (null: from the start), of one status when given. */
    List<Declaration> page(String afterNumber, DeclarationStatus status, int limit);

    /**
     * Declarations that may be the one of a gate transaction: by truck plate, by container, or
     * declaring one of these SSCCs or EPCs; newest declared first.
     */
    List<Declaration> candidates(String truckPlate, String container, Collection<String> ssccs, Collection<String> epcs);

    long count();

    void append(DeclarationEvent event);

    /** Up to {@code limit} history steps of the declaration, oldest first, after {@code afterId} (0: from the start). */
    List<DeclarationEvent> history(String number, long afterId, int limit);
}
