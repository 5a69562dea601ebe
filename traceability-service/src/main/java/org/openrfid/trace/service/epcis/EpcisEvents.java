package org.openrfid.trace.service.epcis;

import org.openrfid.trace.service.privacy.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The EPCIS event query over captured events, passage ObjectEvents and registry AggregationEvents, merged
 * in one stable order: event time, then source (captured, passage, aggregation), then a key within the source.
 */
@Component
public class EpcisEvents {

    public static final int CAPTURED = 0;
    public static final int PASSAGE = 1;
    public static final int AGGREGATION = 2;

    /** One event with its sort key (time, source, key within the source) and its capture context. */
    public record Item(Instant time, int source, String key, JsonNode event, JsonNode context) {
    }

    /** A position in the merged order; opaque to clients as the nextPageToken. */
    public record Cursor(Instant time, int source, String key) {

        String token() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((time + "|" + source + "|" + key).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String token) {
            try {
                String[] p = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 3);
                return new Cursor(Instant.parse(p[0]), Integer.parseInt(p[1]), p[2]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("nextPageToken: not a token issued by this service");
            }
        }
    }

    /** A page of events and the token of the next page (null on the last page). */
    public record Page(List<JsonNode> events, List<JsonNode> contexts, String nextPageToken) {
    }

    private static final Comparator<Item> ORDER = Comparator.comparing(Item::time).thenComparingInt(Item::source)
            .thenComparing(Item::key);

    private final EpcisEventStore captured;
    private final PassageEvents passages;
    private final AggregationEvents aggregations;

    public EpcisEvents(EpcisEventStore captured, PassageEvents passages, AggregationEvents aggregations) {
        this.captured = captured;
        this.passages = passages;
        this.aggregations = aggregations;
    }

    /** {@link #query(EpcisQuery, String, int, Scope)} as the system sees it: every passage. */
    public Page query(EpcisQuery q, String nextPageToken, int perPage) {
        return query(q, nextPageToken, perPage, Scope.SYSTEM);
    }

    /** One page of events; passage events only of the kinds the scope sees, and none of restricted objects it holds no grant for. */
    public Page query(EpcisQuery q, String nextPageToken, int perPage, Scope scope) {
        if (perPage < 1) {
            throw new IllegalArgumentException("perPage must be at least 1");
        }
        Cursor after = nextPageToken == null || nextPageToken.isBlank() ? null : Cursor.parse(nextPageToken);
        List<Item> all = new ArrayList<>(captured.find(q, after, perPage + 1));
        all.addAll(passages.find(q, after, perPage + 1, scope));
        all.addAll(aggregations.find(q, after, perPage + 1));
        all.sort(ORDER);
        boolean more = all.size() > perPage;
        List<Item> page = more ? all.subList(0, perPage) : all;
        String next = more ? new Cursor(page.get(perPage - 1).time(), page.get(perPage - 1).source(),
                page.get(perPage - 1).key()).token() : null;
        return new Page(page.stream().map(Item::event).toList(),
                page.stream().map(Item::context).filter(c -> c != null).toList(), next);
    }
}
