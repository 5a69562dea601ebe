package org.openrfid.trace.service.library;

import java.time.Instant;
import java.util.Optional;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBinding;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.library.LibraryItem;
import org.openrfid.trace.service.registry.library.LibraryItems;

/**
 * Finds the library item a desk names: by its item id (the barcode, which is the id) or by its tag
 * (EPC hex or any EPC URI), through the tag's binding at that moment.
 */
public class ItemReferences {

    private final LibraryItems items;
    private final TagBindings bindings;

    public ItemReferences(LibraryItems items, TagBindings bindings) {
        this.items = items;
        this.bindings = bindings;
    }

    /** The item, or a 400 problem naming what was given. */
    public LibraryItem require(String reference, Instant at) {
        return find(reference, at).orElseThrow(() -> LibraryProblems.badRequest("Unknown library item",
                "item: '" + reference + "' is no library item's barcode, id or tag"));
    }

    public Optional<LibraryItem> find(String reference, Instant at) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("item: give the item's barcode, id or EPC");
        }
        String ref = reference.trim();
        if (ref.matches("[A-Za-z0-9-]{1,32}")) {
            Optional<LibraryItem> byId = items.find(ref);
            if (byId.isPresent()) {
                return byId;
            }
        }
        return itemIdOfTag(ref, at).flatMap(items::find);
    }

    /** The library item the tag was bound to at {@code at}; empty for a name that is no EPC or a tag bound to something else. */
    public Optional<String> itemIdOfTag(String epc, Instant at) {
        String hex;
        try {
            hex = EpcInput.parse(epc).toHex();
        } catch (IllegalArgumentException notAnEpc) {
            return Optional.empty();
        }
        return bindings.at(hex, at).filter(b -> b.kind() == ObjectKind.LIBRARY_ITEM).map(TagBinding::objectId);
    }
}
