package org.openrfid.trace.service.alert.rule;

import java.util.List;
import org.openrfid.trace.service.alert.AlertType;

/**
 * Makes the rules of one type from their definitions (a Spring bean per type, holding what the rules
 * need: registries, the road network, reader status). {@link #create} validates the params and throws
 * IllegalArgumentException naming the field ({@code params.topSpeedKmh: ...}) for a bad rule.
 */
public interface RuleFactory {

    AlertType type();

    Rule create(RuleDefinition definition);

    /** The rules of this type a fresh installation starts with (may be empty). */
    default List<RuleDefinition> defaults() {
        return List.of();
    }
}
