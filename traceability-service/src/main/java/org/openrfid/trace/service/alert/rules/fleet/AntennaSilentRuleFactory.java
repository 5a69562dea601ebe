package org.openrfid.trace.service.alert.rules.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleFactory;
import org.openrfid.trace.service.alert.rule.RuleParams;

/**
 * Makes {@link AlertType#ANTENNA_SILENT} rules. Params: {@code minQuiet} (PT10M), {@code factor} (3),
 * {@code window} (P7D: how far back the usual quiet is learned), {@code maxAntennas} (20000). One
 * enabled by default.
 */
public final class AntennaSilentRuleFactory implements RuleFactory {

    record Settings(Duration minQuiet, double factor, Duration window, int maxAntennas) {
    }

    private final HeldReaders readers;

    public AntennaSilentRuleFactory(HeldReaders readers) {
        this.readers = readers;
    }

    @Override
    public AlertType type() {
        return AlertType.ANTENNA_SILENT;
    }

    @Override
    public Rule create(RuleDefinition definition) {
        RuleParams p = definition.p();
        Settings settings = new Settings(p.duration("minQuiet", Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofDays(7)),
                p.number("factor", 3, 1, 100), p.duration("window", Duration.ofDays(7), Duration.ofHours(1), Duration.ofDays(31)),
                (int) p.number("maxAntennas", 20_000, 1, 1_000_000));
        return new AntennaSilentRule(definition, settings, readers);
    }

    @Override
    public List<RuleDefinition> defaults() {
        return List.of(new RuleDefinition("antenna-silent", AlertType.ANTENNA_SILENT, true, Severity.LOW,
                Map.of("minQuiet", "PT10M", "factor", 3), List.of(), null));
    }
}
