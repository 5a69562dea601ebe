package org.openrfid.trace.service.enrichment;

import org.openrfid.trace.service.passage.EnrichedPassage;

import java.util.ArrayList;
import java.util.List;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.registry.binding.BoundObject;

/** Enriches from the two in-memory caches; only binding cache misses reach the database. */
public final class RegistryEnricher implements PassageEnricher {

    private final BindingCache bindings;
    private final LocationCache locations;

    public RegistryEnricher(BindingCache bindings, LocationCache locations) {
        this.bindings = bindings;
        this.locations = locations;
    }

    @Override
    public List<EnrichedPassage> enrich(List<Passage> passages) {
        BoundObject[] objects = bindings.objectsAt(passages);
        List<EnrichedPassage> out = new ArrayList<>(passages.size());
        for (int i = 0; i < objects.length; i++) {
            Passage p = passages.get(i);
            out.add(new EnrichedPassage(p, objects[i], locations.find(p.locationId())));
        }
        return out;
    }
}
