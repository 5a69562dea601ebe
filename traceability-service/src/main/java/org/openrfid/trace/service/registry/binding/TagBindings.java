package org.openrfid.trace.service.registry.binding;

import org.openrfid.trace.reader.RawEpc;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which object each tag belonged to, and when (port). Intervals of one tag never overlap, and an
 * object carries one tag at a time: binding a tag closes, at the new binding's start, the tag's open
 * binding and the object's open binding to another tag. History is never rewritten: a binding that
 * would start before an existing one of the same tag or object ends is refused.
 */
public interface TagBindings {

    /**
     * Applies the bindings in order, in one transaction. Binding a tag to the object it is already
     * bound to changes nothing. The tags must be registered ({@link Tags}).
     *
     * @return how many new bindings were opened
     * @throws IllegalArgumentException when a binding would overlap history
     */
    int bind(Collection<NewBinding> bindings);

    /** Closes the tag's open binding at {@code at}; false when it had none. */
    boolean unbind(String epcHex, Instant at);

    /** The binding of the tag valid at {@code at}. */
    Optional<TagBinding> at(String epcHex, Instant at);

    /** Every binding of the tag, oldest first. */
    List<TagBinding> ofTag(String epcHex);

    /**
     * Every binding of each of these tags, oldest first, in one round trip per few hundred tags (the
     * enrichment cache loads its misses of a batch this way). Tags never bound map to an empty list.
     */
    java.util.Map<String, List<TagBinding>> ofTags(Collection<String> epcHex);

    /** Every binding of the object, oldest first. */
    List<TagBinding> ofObject(ObjectKind kind, String objectId);

    /** The open binding of each of these objects that has one, by object id. */
    java.util.Map<String, TagBinding> openOf(ObjectKind kind, Collection<String> objectIds);

    /**
     * The EPC of every tag ever bound to each of these objects, in binding order (oldest first), as
     * registered (bit-exact); objects never tagged are absent.
     */
    java.util.Map<String, List<RawEpc>> tagsOf(ObjectKind kind, Collection<String> objectIds);

    /** The EPCs among {@code epcHex} that have ever been bound. */
    Set<String> everBound(Collection<String> epcHex);
}
