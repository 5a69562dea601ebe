package org.openrfid.trace.service.alert.rules;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openrfid.trace.pipeline.SmoothingStage.TagArrival;
import org.openrfid.trace.service.alert.AlertSink;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleParams;
import org.openrfid.trace.service.anpr.PlateRead;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.registry.binding.ObjectKind;

/**
 * {@code params.objectKinds}: the rule looks only at passages of objects of these kinds ({@code TAG} for
 * tags bound to nothing); absent or empty, at every passage. Road rules default to vehicles: goods
 * and books are not cloned plates, and a consignment moved between two sites of one company by a
 * clock-compressed generator (or by scanning the same label at two sites) is not speeding.
 */
public final class ObjectKindFilter implements Rule {

    public static final String PARAM = "objectKinds";
    private static final String UNBOUND = "TAG";

    private final Rule rule;
    private final Set<ObjectKind> kinds;
    private final boolean unbound;

    private ObjectKindFilter(Rule rule, Set<ObjectKind> kinds, boolean unbound) {
        this.rule = rule;
        this.kinds = kinds;
        this.unbound = unbound;
    }

    /** The rule, filtered by its {@code objectKinds} param when it has one. */
    public static Rule wrap(Rule rule) {
        List<String> names = rule.definition().p().list(PARAM);
        if (names.isEmpty()) {
            return rule;
        }
        Set<ObjectKind> kinds = EnumSet.noneOf(ObjectKind.class);
        boolean unbound = false;
        for (String n : names) {
            if (UNBOUND.equalsIgnoreCase(n)) {
                unbound = true;
                continue;
            }
            try {
                kinds.add(ObjectKind.parse(n));
            } catch (IllegalArgumentException e) {
                throw RuleParams.bad(PARAM, "'" + n + "' is not VEHICLE, GOODS, PALLET, LIBRARY_ITEM or TAG");
            }
        }
        return new ObjectKindFilter(rule, kinds, unbound);
    }

    @Override
    public RuleDefinition definition() {
        return rule.definition();
    }

    @Override
    public void onPassage(EnrichedPassage passage, AlertSink alerts) {
        if (passage.object() == null ? unbound : kinds.contains(passage.object().kind())) {
            rule.onPassage(passage, alerts);
        }
    }

    @Override
    public void onArrival(TagArrival arrival, AlertSink alerts) {
        rule.onArrival(arrival, alerts); // an arrival knows no object: the rule decides
    }

    @Override
    public void onPlateRead(PlateRead read, AlertSink alerts) {
        rule.onPlateRead(read, alerts);
    }

    @Override
    public void onTick(Instant now, AlertSink alerts) {
        rule.onTick(now, alerts);
    }
}
