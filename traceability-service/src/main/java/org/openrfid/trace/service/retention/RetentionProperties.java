package org.openrfid.trace.service.retention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * How long passages are kept ({@code rfid.retention.*}). Per object kind ({@code vehicle}, {@code goods},
 * {@code pallet}, {@code library-item} or {@code library}, and {@code unbound} for tags bound to nothing
 * at the passage's time): {@code days} and {@code action} (DROP or ANONYMISE), optionally
 * {@code watchlisted-days} for objects on a watchlist now (default: days plus {@code watchlist-extra-days}).
 * Kinds without a policy are kept. Checked at start-up: a bad setting stops the application with the
 * property named, rather than deleting the wrong rows at night.
 *
 * @param enabled  runs the job on {@code schedule}; the admin endpoint runs it on demand either way
 * @param schedule Spring cron (second minute hour day month weekday), UTC; default 02:30 every night
 */
@ConfigurationProperties("rfid.retention")
public record RetentionProperties(@DefaultValue("false") boolean enabled,
                                  @DefaultValue("0 30 2 * * *") String schedule,
                                  @DefaultValue("0") int watchlistExtraDays,
                                  Map<String, Policy> policies) {

    static final String PREFIX = "rfid.retention.";
    /** Ten years: a longer period is almost certainly a typo (days given as hours, say). */
    static final int MAX_DAYS = 3660;

    public RetentionProperties {
        policies = policies == null ? Map.of() : new LinkedHashMap<>(policies);
    }

    /** One kind's policy as configured; every field is checked by {@link #toPolicies()}. */
    public record Policy(Integer days, String action, Integer watchlistedDays) {
    }

    /** The checked policies; IllegalStateException naming the property otherwise. */
    public List<RetentionPolicy> toPolicies() {
        List<String> problems = new ArrayList<>();
        if (schedule == null || !CronExpression.isValidExpression(schedule)) {
            problems.add(PREFIX + "schedule: '" + schedule + "' is not a cron expression (six fields: second minute hour day month weekday)");
        }
        if (watchlistExtraDays < 0 || watchlistExtraDays > MAX_DAYS) {
            problems.add(PREFIX + "watchlist-extra-days: " + watchlistExtraDays + " is outside 0.." + MAX_DAYS);
        }
        List<RetentionPolicy> out = new ArrayList<>();
        Map<String, String> kindsSeen = new LinkedHashMap<>();
        for (Map.Entry<String, Policy> e : policies.entrySet()) {
            String name = PREFIX + "policies." + e.getKey();
            ObjectKind kind;
            try {
                kind = kind(e.getKey());
            } catch (IllegalArgumentException ex) {
                problems.add(name + ": '" + e.getKey() + "' is not an object kind (vehicle, goods, pallet, library-item, unbound)");
                continue;
            }
            String previous = kindsSeen.put(kind == null ? "unbound" : kind.name(), e.getKey());
            if (previous != null) {
                problems.add(name + ": the same kind as " + PREFIX + "policies." + previous);
                continue;
            }
            Policy p = e.getValue() == null ? new Policy(null, null, null) : e.getValue();
            int before = problems.size();
            if (p.days() == null) {
                problems.add(name + ".days: is required (passages older than this many days are dropped or anonymised)");
            } else if (p.days() < 1 || p.days() > MAX_DAYS) {
                problems.add(name + ".days: " + p.days() + " is outside 1.." + MAX_DAYS);
            }
            RetentionPolicy.Action action = null;
            if (p.action() == null) {
                problems.add(name + ".action: is required (DROP or ANONYMISE)");
            } else {
                try {
                    action = RetentionPolicy.Action.valueOf(p.action().trim().toUpperCase(Locale.ROOT).replace("ANONYMIZE", "ANONYMISE"));
                } catch (IllegalArgumentException ex) {
                    problems.add(name + ".action: '" + p.action() + "' is not DROP or ANONYMISE");
                }
            }
            if (kind == null && p.watchlistedDays() != null) {
                problems.add(name + ".watchlisted-days: tags bound to nothing are on no watchlist; remove it");
            }
            if (problems.size() > before) {
                continue;
            }
            int watched = kind == null ? p.days() : p.watchlistedDays() != null ? p.watchlistedDays() : p.days() + watchlistExtraDays;
            if (watched < p.days() || watched > MAX_DAYS) {
                problems.add(name + ".watchlisted-days: " + watched + " is outside " + p.days() + " (days).." + MAX_DAYS);
                continue;
            }
            out.add(new RetentionPolicy(kind, p.days(), action, watched));
        }
        if (enabled && policies.isEmpty()) {
            problems.add(PREFIX + "enabled is true but no policy is set: add " + PREFIX + "policies.<kind>.days and .action");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid retention settings:\n  " + String.join("\n  ", problems));
        }
        return List.copyOf(out);
    }

    /** The kind a policy key names; null for unbound tags. */
    static ObjectKind kind(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (k) {
            case "unbound" -> null;
            case "library" -> ObjectKind.LIBRARY_ITEM;
            default -> ObjectKind.parse(k);
        };
    }
}
