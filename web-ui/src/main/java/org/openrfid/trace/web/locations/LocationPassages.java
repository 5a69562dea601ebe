package org.openrfid.trace.web.locations;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.passage.LocatedPassage;
import org.openrfid.trace.service.passage.PassageCursor;
import org.openrfid.trace.service.passage.PassageQueries;
import org.openrfid.trace.service.passage.TimeOrder;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.web.console.DisplayNames;
import org.openrfid.trace.web.console.ObjectLabel;

/**
 * The passages at a place and everything under it (a checkpoint's lanes, a site's doors), as the scope sees
 * them ({@link PassageQueries#atLocations}, the scope in its SQL): the latest ones with what passed, and the last
 * day per hour by kind and direction. The objects are found through the tags' bindings at each passage's time,
 * read for all the page's tags at once.
 */
public class LocationPassages {

    /** Hourly counts read at most this many passages; a busier place's chart says it is cut. */
    static final int CHART_MAX_PASSAGES = 50_000;
    private static final int PAGE = 5_000;

    /**
     * Passages per hour of the last day, one series per kind and direction that occurs.
     *
     * @param hours     the start of each hour, oldest first
     * @param series    kind and direction to a count per hour
     * @param truncated true when the place had more than {@value #CHART_MAX_PASSAGES} passages in the day
     */
    public record Hourly(List<Instant> hours, Map<String, Map<String, long[]>> series, long total, boolean truncated) {
    }

    private final PassageQueries passages;
    private final Locations locations;
    private final TagBindings bindings;
    private final DisplayNames names;

    public LocationPassages(PassageQueries passages, Locations locations, TagBindings bindings, DisplayNames names) {
        this.passages = passages;
        this.locations = locations;
        this.bindings = bindings;
        this.names = names;
    }

    /** The place's newest passages the scope sees, newest first, within the last {@code within}. */
    public List<PassageItem> latest(String locationId, Scope scope, Instant now, Duration within, int limit) {
        List<LocatedPassage> page = passages.atLocations(places(locationId), now.minus(within), null, scope, null, TimeOrder.NEWEST_FIRST,
                limit);
        Map<String, List<TagBinding>> bound = bindings.ofTags(epcs(page));
        List<PassageItem> items = new ArrayList<>();
        for (LocatedPassage lp : page) {
            Passage p = lp.passage();
            BoundObject object = objectOf(p, bound);
            ObjectLabel label = object == null ? null : names.of(object).orElse(null);
            String kind = object == null ? Scope.UNBOUND : object.kind().name();
            items.add(new PassageItem(p.id(), kind, label, p.tagUri() != null ? p.tagUri() : p.epc().toHex(), p.epc().toHex(), p.locationId(),
                    lp.location() != null ? lp.location().name() : names.locationName(p.locationId()), p.direction().name(), p.lane(),
                    p.firstSeen()));
        }
        return items;
    }

    /** The last 24 hours in whole hours of {@code zone}, the current hour last. */
    public Hourly hourly(String locationId, Scope scope, Instant now, ZoneId zone) {
        Instant currentHour = ZonedDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.HOURS).toInstant();
        List<Instant> hours = new ArrayList<>();
        for (int i = 23; i >= 0; i--) {
            hours.add(currentHour.minus(Duration.ofHours(i)));
        }
        Instant from = hours.get(0);
        Set<String> places = places(locationId);
        Map<String, Map<String, long[]>> series = new TreeMap<>();
        long total = 0;
        boolean truncated = false;
        PassageCursor after = null;
        while (true) {
            int want = Math.min(PAGE, CHART_MAX_PASSAGES - (int) total);
            if (want <= 0) {
                truncated = !passages.atLocations(places, from, null, scope, after, TimeOrder.OLDEST_FIRST, 1).isEmpty();
                break;
            }
            List<LocatedPassage> page = passages.atLocations(places, from, null, scope, after, TimeOrder.OLDEST_FIRST, want);
            Map<String, List<TagBinding>> bound = bindings.ofTags(epcs(page));
            for (LocatedPassage lp : page) {
                Passage p = lp.passage();
                int hour = (int) Duration.between(from, p.firstSeen()).toHours();
                if (hour < 0 || hour > 23) {
                    continue;
                }
                BoundObject object = objectOf(p, bound);
                String kind = object == null ? Scope.UNBOUND : object.kind().name();
                series.computeIfAbsent(kind, k -> new TreeMap<>()).computeIfAbsent(p.direction().name(), d -> new long[24])[hour]++;
                total++;
            }
            if (page.size() < want) {
                break;
            }
            Passage last = page.get(page.size() - 1).passage();
            after = new PassageCursor(last.firstSeen(), last.id());
        }
        return new Hourly(hours, series, total, truncated);
    }

    /** The location with its children, their children and so on. */
    Set<String> places(String locationId) {
        Set<String> ids = new LinkedHashSet<>(locations.withDescendants(List.of(locationId)));
        ids.add(locationId);
        return ids;
    }

    private static Collection<String> epcs(List<LocatedPassage> page) {
        Set<String> epcs = new LinkedHashSet<>();
        page.forEach(lp -> epcs.add(lp.passage().epc().toHex()));
        return epcs;
    }

    private static BoundObject objectOf(Passage p, Map<String, List<TagBinding>> bound) {
        for (TagBinding b : bound.getOrDefault(p.epc().toHex(), List.of())) {
            if (b.covers(p.firstSeen())) {
                return b.object();
            }
        }
        return null;
    }
}
