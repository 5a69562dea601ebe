package org.openrfid.trace.service.alert.rules.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleFactory;

/** Makes {@link AlertType#READER_DOWN} rules. Params: {@code after} (PT60S). One enabled by default. */
public final class ReaderDownRuleFactory implements RuleFactory {

    private final HeldReaders readers;

    public ReaderDownRuleFactory(HeldReaders readers) {
        this.readers = readers;
    }

    @Override
    public AlertType type() {
        return AlertType.READER_DOWN;
    }

    @Override
    public Rule create(RuleDefinition definition) {
        Duration after = definition.p().duration("after", Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofDays(1));
        return new ReaderDownRule(definition, after, readers);
    }

    @Override
    public List<RuleDefinition> defaults() {
        return List.of(new RuleDefinition("reader-down", AlertType.READER_DOWN, true, Severity.HIGH, Map.of("after", "PT60S"), List.of(), null));
    }
}
