package org.openrfid.trace.service.enrichment;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.binding.NewBinding;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;

/**
 * Tells of every change made through the bindings port (REST, CSV imports, goods and pallet
 * binders all go through it): the tags bound or unbound, and the tags whose binding closed because
 * their object was re-bound to another tag.
 */
final class NotifyingTagBindings implements TagBindings {

    private final TagBindings delegate;
    private final Consumer<RegistryChanged> changes;

    NotifyingTagBindings(TagBindings delegate, Consumer<RegistryChanged> changes) {
        this.delegate = delegate;
        this.changes = changes;
    }

    @Override
    public int bind(Collection<NewBinding> bindings) {
        if (bindings.isEmpty()) {
            return 0;
        }
        Set<String> touched = new HashSet<>();
        Map<ObjectKind, Set<String>> objects = new LinkedHashMap<>();
        for (NewBinding b : bindings) {
            touched.add(b.epcHex());
            objects.computeIfAbsent(b.kind(), k -> new HashSet<>()).add(b.objectId());
        }
        // The objects' current tags lose them: asked before the change, in the caller's transaction if any.
        objects.forEach((kind, ids) -> delegate.openOf(kind, ids).values().forEach(open -> touched.add(open.epcHex())));
        int opened = delegate.bind(bindings);
        changes.accept(new RegistryChanged.BindingsChanged(touched));
        return opened;
    }

    @Override
    public boolean unbind(String epcHex, Instant at) {
        boolean closed = delegate.unbind(epcHex, at);
        if (closed) {
            changes.accept(new RegistryChanged.BindingsChanged(Set.of(epcHex)));
        }
        return closed;
    }

    @Override
    public Optional<TagBinding> at(String epcHex, Instant at) {
        return delegate.at(epcHex, at);
    }

    @Override
    public List<TagBinding> ofTag(String epcHex) {
        return delegate.ofTag(epcHex);
    }

    @Override
    public Map<String, List<TagBinding>> ofTags(Collection<String> epcHex) {
        return delegate.ofTags(epcHex);
    }

    @Override
    public List<TagBinding> ofObject(ObjectKind kind, String objectId) {
        return delegate.ofObject(kind, objectId);
    }

    @Override
    public Map<String, TagBinding> openOf(ObjectKind kind, Collection<String> objectIds) {
        return delegate.openOf(kind, objectIds);
    }

    @Override
    public Map<String, List<RawEpc>> tagsOf(ObjectKind kind, Collection<String> objectIds) {
        return delegate.tagsOf(kind, objectIds);
    }

    @Override
    public Set<String> everBound(Collection<String> epcHex) {
        return delegate.everBound(epcHex);
    }
}
