package org.openrfid.trace.service.registry.binding;

import java.util.List;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.identity.FilterVariants;
import org.openrfid.trace.reader.RawEpc;

/**
 * Turns a tag named in any EPC form into the stored tag keys (EPC hex). Hex and tag URIs name one tag
 * encoding; a pure-identity URI or Digital Link names the object, so any filter value may have been written.
 */
final class TagResolver {

    private final Tags tags;

    TagResolver(Tags tags) {
        this.tags = tags;
    }

    /** The EPC hex of every tag the name can mean (one for hex and tag URIs). */
    List<String> candidates(String epc, Integer gcp) {
        RawEpc raw = parse(epc, gcp);
        return FilterVariants.ofInput(epc, raw).stream().map(RawEpc::toHex).toList();
    }

    /**
     * The one tag to bind: hex and tag URIs name it (registered now if new); a pure identity or Digital
     * Link must match exactly one registered tag.
     */
    String forBinding(String epc, Integer gcp) {
        RawEpc raw = parse(epc, gcp);
        if (!FilterVariants.namesObjectOnly(epc)) {
            if (tags.find(raw.toHex()).isEmpty()) {
                tags.save(List.of(new Tag(raw, null)));
            }
            return raw.toHex();
        }
        List<String> registered = candidates(epc, gcp).stream().filter(hex -> tags.find(hex).isPresent()).toList();
        if (registered.size() != 1) {
            throw new IllegalArgumentException("epc: " + epc + (registered.isEmpty() ? " matches no registered tag" : " matches "
                    + registered.size() + " registered tags (filter values)") + "; give the tag's hex or tag URI");
        }
        return registered.get(0);
    }

    private static RawEpc parse(String epc, Integer gcp) {
        if (gcp != null && (gcp < 6 || gcp > 12)) {
            throw new IllegalArgumentException("gcp: " + gcp + " is outside 6..12");
        }
        try {
            return gcp == null ? EpcInput.parse(epc) : EpcInput.parse(epc, gcp);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("epc: " + e.getMessage(), e);
        }
    }

}
