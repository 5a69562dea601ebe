package org.openrfid.trace.service.registry.binding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.platform.web.Cursors;
import org.openrfid.trace.service.platform.web.Limits;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tag bindings over REST: a tag's and an object's binding history, binding a tag (closing, at the new
 * start, the tag's and the object's open bindings) and closing a tag's binding at an instant. A tag is
 * named by hex, tag URI, pure-identity URI or Digital Link ({@code gcp} with a Digital Link). A Digital
 * Link holds slashes, which a path segment cannot: the {@code ?epc=} forms take any of them.
 */
@RestController
@RequestMapping("/api/v1")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Tag bindings", description = "Which object each tag belonged to, and when")
class TagBindingController {

    private final TagBindings bindings;
    private final TagResolver tags;
    private final Map<ObjectKind, RegisteredObjects> registries = new EnumMap<>(ObjectKind.class);

    TagBindingController(TagBindings bindings, Tags tags, List<RegisteredObjects> registries) {
        this.bindings = bindings;
        this.tags = new TagResolver(tags);
        registries.forEach(r -> this.registries.put(r.kind(), r));
    }

    /** A binding; {@code validTo} null while it holds. */
    record BindingView(long id, String epc, ObjectKind kind, String objectId, Instant validFrom, Instant validTo) {

        static BindingView of(TagBinding b) {
            return new BindingView(b.id(), b.epcHex(), b.kind(), b.objectId(), b.validFrom(), b.validTo());
        }
    }

    /** One page, oldest first; {@code nextCursor} is null on the last page. */
    record BindingPage(List<BindingView> items, String nextCursor, int limit) {
    }

    /** {@code kind}: VEHICLE, GOODS, PALLET or LIBRARY_ITEM; {@code from}: ISO-8601 instant. */
    record BindRequest(String kind, String objectId, String from) {
    }

    /** {@code at}: ISO-8601 instant after the binding's start. */
    record CloseRequest(String at) {
    }

    @GetMapping("/tags/{epc}/bindings")
    @Operation(summary = "The tag's bindings, oldest first, cursor-paged",
            description = "A pure-identity URI names the tag with any filter value: the bindings of all of them are listed.")
    BindingPage ofTag(@PathVariable String epc, @Parameter(description = "company prefix length (6..12) for a Digital Link")
            @RequestParam(required = false) Integer gcp, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String cursor) {
        Limits.page(limit);
        List<TagBinding> all = tags.candidates(epc, gcp).stream().flatMap(hex -> bindings.ofTag(hex).stream()).toList();
        return page(all, limit, cursor);
    }

    @GetMapping("/tags/bindings")
    @Operation(summary = "As /tags/{epc}/bindings, with the tag as a parameter (for Digital Links)")
    BindingPage ofTagByParameter(@RequestParam String epc, @RequestParam(required = false) Integer gcp,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        return ofTag(epc, gcp, limit, cursor);
    }

    @GetMapping("/objects/{kind}/{objectId}/bindings")
    @Operation(summary = "The object's bindings, oldest first, cursor-paged")
    @ApiResponse(responseCode = "404", description = "no such object")
    BindingPage ofObject(@Parameter(description = "vehicle, goods, pallet or library-item") @PathVariable String kind,
            @PathVariable String objectId, @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String cursor) {
        Limits.page(limit);
        ObjectKind k = ObjectKind.parse(kind);
        if (!exists(k, objectId)) {
            ErrorResponseException e = new ErrorResponseException(HttpStatus.NOT_FOUND);
            e.getBody().setTitle("Object not found");
            e.getBody().setDetail("no " + k + " " + objectId);
            throw e;
        }
        return page(bindings.ofObject(k, objectId), limit, cursor);
    }

    @PostMapping(path = "/tags/{epc}/bindings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Binds the tag to an object from an instant on",
            description = "Closes, at that instant, the tag's open binding and the object's open binding to another tag. A tag named "
                    + "by hex or tag URI is registered if new; a pure identity or Digital Link must name exactly one registered tag.")
    @ApiResponse(responseCode = "201", description = "bound")
    @ApiResponse(responseCode = "200", description = "already bound to that object: nothing changed")
    @ApiResponse(responseCode = "400", description = "bad field, unknown object, or the binding would rewrite history")
    ResponseEntity<BindingView> bind(@PathVariable String epc, @RequestParam(required = false) Integer gcp, @RequestBody BindRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("body: a JSON object with kind, objectId and from is required");
        }
        ObjectKind kind = ObjectKind.parse(request.kind());
        if (request.objectId() == null || request.objectId().isBlank()) {
            throw new IllegalArgumentException("objectId: required");
        }
        String objectId = request.objectId().strip();
        if (!exists(kind, objectId)) {
            throw new IllegalArgumentException("objectId: no " + kind + " '" + objectId + "' is registered");
        }
        Instant from = instant("from", request.from());
        String hex = tags.forBinding(epc, gcp);
        int opened;
        try {
            opened = bindings.bind(List.of(new NewBinding(hex, kind, objectId, from)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("from: " + e.getMessage(), e);
        }
        TagBinding now = bindings.ofTag(hex).stream().filter(TagBinding::open).findFirst()
                .orElseThrow(() -> new IllegalStateException("binding of " + hex + " not found after binding"));
        BindingView view = BindingView.of(now);
        return opened > 0 ? ResponseEntity.created(URI.create("/api/v1/tags/" + hex + "/bindings")).body(view) : ResponseEntity.ok(view);
    }

    @PostMapping(path = "/tags/bindings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "As POST /tags/{epc}/bindings, with the tag as a parameter (for Digital Links)")
    ResponseEntity<BindingView> bindByParameter(@RequestParam String epc, @RequestParam(required = false) Integer gcp,
            @RequestBody BindRequest request) {
        return bind(epc, gcp, request);
    }

    @PostMapping(path = "/tags/{epc}/bindings/close", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Unbinds the tag at an instant: closes its open binding there")
    @ApiResponse(responseCode = "404", description = "the tag has no open binding")
    @ApiResponse(responseCode = "400", description = "bad field, or the instant is not after the binding's start")
    BindingView close(@PathVariable String epc, @RequestParam(required = false) Integer gcp, @RequestBody CloseRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("body: a JSON object with at is required");
        }
        Instant at = instant("at", request.at());
        for (String hex : tags.candidates(epc, gcp)) {
            boolean closed;
            try {
                closed = bindings.unbind(hex, at);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("at: " + e.getMessage(), e);
            }
            if (closed) {
                return bindings.ofTag(hex).stream().filter(b -> at.equals(b.validTo())).map(BindingView::of).findFirst()
                        .orElseThrow(() -> new IllegalStateException("closed binding of " + hex + " not found"));
            }
        }
        ErrorResponseException e = new ErrorResponseException(HttpStatus.NOT_FOUND);
        e.getBody().setTitle("No open binding");
        e.getBody().setDetail("tag " + epc + " is not bound now");
        throw e;
    }

    @PostMapping(path = "/tags/bindings/close", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "As POST /tags/{epc}/bindings/close, with the tag as a parameter (for Digital Links)")
    BindingView closeByParameter(@RequestParam String epc, @RequestParam(required = false) Integer gcp, @RequestBody CloseRequest request) {
        return close(epc, gcp, request);
    }

    private static BindingPage page(List<TagBinding> all, int limit, String cursor) {
        List<TagBinding> sorted = all.stream().sorted(Comparator.comparing(TagBinding::validFrom).thenComparingLong(TagBinding::id)).toList();
        int start = 0;
        if (cursor != null) {
            List<String> key = Cursors.decode(cursor, 2);
            Instant from;
            long id;
            try {
                from = Instant.parse(key.get(0));
                id = Long.parseLong(key.get(1));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cursor: not a cursor issued by this API");
            }
            while (start < sorted.size() && (sorted.get(start).validFrom().isBefore(from)
                    || (sorted.get(start).validFrom().equals(from) && sorted.get(start).id() <= id))) {
                start++;
            }
        }
        List<TagBinding> items = sorted.subList(start, Math.min(sorted.size(), start + limit));
        boolean more = start + limit < sorted.size();
        TagBinding last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new BindingPage(items.stream().map(BindingView::of).toList(),
                more ? Cursors.encode(last.validFrom().toString(), Long.toString(last.id())) : null, limit);
    }

    private boolean exists(ObjectKind kind, String objectId) {
        RegisteredObjects registry = registries.get(kind);
        return registry != null && registry.exists(objectId);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required (ISO-8601 instant such as 2025-06-02T08:00:00Z)");
        }
        try {
            return TagBinder.instant(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }
}
