package org.openrfid.trace.service.registry.binding;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openrfid.trace.reader.RawEpc;

/**
 * Registers and binds the tags named in an object file, with the vehicle import's rule: a first
 * binding of a new object to a never-bound tag holds from the start of the record (the registry is
 * the authority on whose tag it is); any other change holds from the moment of import (or the row's
 * {@code bound_from}), closing the old interval.
 */
public final class TagBinder {

    /** One object's tag as read from a file. */
    public record Request(ObjectKind kind, String objectId, RawEpc epc, Instant boundFrom, boolean newObject) {
    }

    private final NewTags tags;
    private final TagBindings bindings;

    public TagBinder(NewTags tags, TagBindings bindings) {
        this.tags = tags;
        this.bindings = bindings;
    }

    /** @return how many bindings were opened */
    public int bind(List<Request> requests, Instant now) {
        List<Request> tagged = requests.stream().filter(r -> r.epc() != null).toList();
        if (tagged.isEmpty()) {
            return 0;
        }
        Set<String> everBound = bindings.everBound(tagged.stream().map(r -> r.epc().toHex()).toList());
        tags.registerMissing(tagged.stream().map(Request::epc).toList());
        List<NewBinding> bind = new ArrayList<>(tagged.size());
        for (Request r : tagged) {
            Instant from = r.boundFrom() != null ? r.boundFrom()
                    : r.newObject() && !everBound.contains(r.epc().toHex()) ? Instant.EPOCH : now;
            bind.add(new NewBinding(r.epc().toHex(), r.kind(), r.objectId(), from));
        }
        return bindings.bind(bind);
    }

    /** An ISO-8601 instant, or an ISO date meaning its start in UTC; null stays null. */
    public static Instant instant(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return v.length() == 10 ? java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + v + "' is not an ISO-8601 instant such as 2025-06-02T08:00:00Z or a date such as 2025-06-02");
        }
    }
}
