package org.openrfid.trace.web.console;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.goods.GoodsItems;
import org.openrfid.trace.service.registry.goods.Pallets;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.openrfid.trace.service.registry.vehicle.Vehicles;

/**
 * Turns ids into what a person reads: location ids into names, bound objects into plates, products
 * and titles. Pages and the live feeds ask for the same few hundred objects again and again, so answers
 * are cached for a minute (an edited plate shows within that); the registries stay the truth.
 */
public class DisplayNames {

    private static final Duration FRESH = Duration.ofMinutes(1);

    private final Locations locations;
    private final TagBindings bindings;
    private final Vehicles vehicles;
    private final GoodsItems goods;
    private final Pallets pallets;
    private final LibraryItems library;
    private final Cache<BoundObject, Optional<ObjectLabel>> labels = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(FRESH).build();
    private final Cache<String, Map<String, Location>> allLocations = Caffeine.newBuilder()
            .maximumSize(1).expireAfterWrite(Duration.ofSeconds(30)).build();

    public DisplayNames(Locations locations, TagBindings bindings, Vehicles vehicles, GoodsItems goods, Pallets pallets,
                        LibraryItems library) {
        this.locations = locations;
        this.bindings = bindings;
        this.vehicles = vehicles;
        this.goods = goods;
        this.pallets = pallets;
        this.library = library;
    }

    /**
     * The location's name as a person tells places apart: a dock door or gate under a site is named with the
     * site ("Logistics hub · Dock door 1"; there is a dock door 1 at every warehouse) unless its own name already
     * starts with the site's. The id when the location is not registered (an id is better than nothing).
     */
    public String locationName(String locationId) {
        Map<String, Location> all = locationsById();
        Location l = all.get(locationId);
        if (l == null) {
            return locationId;
        }
        Location parent = l.parent() == null ? null : all.get(l.parent());
        return parent == null || l.name().startsWith(parent.name()) ? l.name() : parent.name() + " · " + l.name();
    }

    public Optional<Location> location(String locationId) {
        return Optional.ofNullable(locationsById().get(locationId));
    }

    /**
     * Saved or removed locations (on any member, through any page or API): the next question reads them afresh,
     * so a place just added is on the base map and in the name lookups at once.
     */
    @org.springframework.context.event.EventListener
    public void locationsChanged(org.openrfid.trace.service.enrichment.RegistryChanged.LocationsChanged changed) {
        allLocations.invalidateAll();
    }

    /** Every registered location by id (cached for 30 s, or until locations change). */
    public Map<String, Location> locationsById() {
        return allLocations.get("all", k -> locations.all().stream()
                .collect(Collectors.toUnmodifiableMap(Location::id, l -> l)));
    }

    /** The object the passage's tag was bound to when it passed, labelled; empty for a tag bound to nothing. */
    public Optional<ObjectLabel> ofPassage(Passage p) {
        return bindings.at(p.epc().toHex(), p.firstSeen()).flatMap(b -> of(new BoundObject(b.kind(), b.objectId())));
    }

    /** The object's label; empty when the registry no longer knows it. */
    public Optional<ObjectLabel> of(BoundObject object) {
        return object == null ? Optional.empty() : labels.get(object, this::load);
    }

    private Optional<ObjectLabel> load(BoundObject o) {
        String href = ObjectLabel.pathOf(o.kind()) + o.id();
        return switch (o.kind()) {
            case VEHICLE -> uuid(o.id()).flatMap(vehicles::find).map(v -> new ObjectLabel(o.kind(), o.id(), v.plate(),
                    "", v.vehicleType() == null ? null : "vehicleType." + v.vehicleType(), href));
            case GOODS -> uuid(o.id()).flatMap(goods::find).map(g -> new ObjectLabel(o.kind(), o.id(),
                    g.product() == null || g.product().isBlank() ? g.gtin() : g.product(), g.serial(), null, href));
            case PALLET -> pallets.find(o.id()).map(p -> new ObjectLabel(o.kind(), o.id(), "SSCC " + p.sscc(),
                    p.consignment() == null ? "" : p.consignment(), null, href));
            case LIBRARY_ITEM -> library.find(o.id()).map(i -> new ObjectLabel(o.kind(), o.id(), i.title(),
                    i.callNumber() == null ? "" : i.callNumber(), null, href));
        };
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** For tests and pages that must show an edit at once. */
    public void forget() {
        labels.invalidateAll();
        allLocations.invalidateAll();
    }
}
