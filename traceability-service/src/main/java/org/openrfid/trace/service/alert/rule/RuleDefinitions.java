package org.openrfid.trace.service.alert.rule;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Configured rules (port). Every member reads them; a change is seen by each member's engine within a second. */
public interface RuleDefinitions {

    /** Rules not deleted, in id order. */
    List<RuleDefinition> all();

    Optional<RuleDefinition> find(String id);

    /** Inserts or replaces (a deleted rule's id may be used again). @return true when it was new */
    boolean save(RuleDefinition rule, String by);

    /** @return false when there was no such rule */
    boolean delete(String id, String by);

    /** Adds the defaults whose ids were never used (a default someone deleted stays deleted). @return how many were added */
    int seed(Collection<RuleDefinition> defaults);

    /** Grows with every change: engines reload when it moves. */
    long version();
}
