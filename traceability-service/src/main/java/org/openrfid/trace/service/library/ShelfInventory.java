package org.openrfid.trace.service.library;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.library.LibraryItem;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Shelf inventories: a session collects the tags read at its shelf (or from its reader) — passages as
 * the pipeline stores them, or EPCs a handheld pushes — until it is finished; then the report is
 * made against the registry's home locations and loan statuses and frozen.
 */
public class ShelfInventory {

    /** How long the list of open sessions is reused when checking passages: sessions start rarely, passages come often. */
    static final long OPEN_CACHE_MS = 1_000;

    private final Inventories inventories;
    private final LibraryItems items;
    private final ItemReferences references;
    private final Locations locations;
    private final Clock clock;
    private volatile List<Inventory> openCache = List.of();
    private volatile long openCachedAt;
    private volatile boolean stale = true;

    public ShelfInventory(Inventories inventories, LibraryItems items, ItemReferences references, Locations locations, Clock clock) {
        this.inventories = inventories;
        this.items = items;
        this.references = references;
        this.locations = locations;
        this.clock = clock;
    }

    public Inventory start(String locationId, String readerId) {
        if (locationId == null || locationId.isBlank()) {
            throw new IllegalArgumentException("location: give the shelf or room's location id");
        }
        String location = locationId.trim();
        if (locations.find(location).isEmpty()) {
            throw LibraryProblems.badRequest("Unknown location", "location: '" + location + "' is not a registered location");
        }
        String reader = readerId == null || readerId.isBlank() ? null : readerId.trim();
        Inventory started = inventories.start(location, reader, clock.instant(), user());
        stale = true;
        return started;
    }

    public Inventory require(long id) {
        return inventories.find(id).orElseThrow(() -> LibraryProblems.notFound("Inventory not found", "no inventory " + id));
    }

    /** Pushed reads (EPC hex or URIs); returns how many tags were new to the session. */
    public int addReads(long id, List<String> epcs) {
        Inventory inventory = requireOpen(id);
        Instant now = clock.instant();
        List<InventoryRead> reads = new ArrayList<>();
        for (String epc : epcs == null ? List.<String>of() : epcs) {
            String hex;
            try {
                hex = EpcInput.parse(epc).toHex();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("epcs: '" + epc + "' is not an EPC: " + e.getMessage(), e);
            }
            reads.add(new InventoryRead(hex, references.itemIdOfTag(hex, now).orElse(null), now));
        }
        return inventories.addReads(inventory.id(), reads);
    }

    /** The pipeline's stored passages: those at an open session's shelf or reader join it. */
    public void onPassages(List<EnrichedPassage> passages) {
        List<Inventory> open = openSessions();
        if (open.isEmpty()) {
            return;
        }
        for (Inventory inventory : open) {
            List<InventoryRead> reads = new ArrayList<>();
            for (EnrichedPassage p : passages) {
                if (inventory.collects(p.passage().locationId(), p.passage().readerId())
                        && !p.passage().firstSeen().isBefore(inventory.startedAt())) {
                    String item = p.object() != null && p.object().kind() == ObjectKind.LIBRARY_ITEM ? p.object().id() : null;
                    reads.add(new InventoryRead(p.passage().epc().toHex(), item, p.passage().firstSeen()));
                }
            }
            if (!reads.isEmpty()) {
                inventories.addReads(inventory.id(), reads);
            }
        }
    }

    /** The report: frozen for a finished session, as it stands now for an open one. */
    public InventoryReport report(Inventory inventory) {
        if (!inventory.open()) {
            return new InventoryReport(inventories.findings(inventory.id()), unknown(inventories.reads(inventory.id())));
        }
        return current(inventory);
    }

    public Inventory finish(long id) {
        Inventory inventory = requireOpen(id);
        Instant now = clock.instant();
        InventoryReport report = current(inventory);
        if (!inventories.finish(id, now, report.findings())) {
            throw LibraryProblems.badRequest("Inventory already finished", "inventory " + id + " is finished already");
        }
        stale = true;
        return require(id);
    }

    private InventoryReport current(Inventory inventory) {
        List<InventoryRead> reads = inventories.reads(inventory.id());
        Map<String, Boolean> readIds = new LinkedHashMap<>();
        reads.stream().filter(r -> r.itemId() != null).forEach(r -> readIds.put(r.itemId(), true));
        List<LibraryItem> read = items.findAll(readIds.keySet());
        return InventoryReport.of(inventory.locationId(), items.atHome(inventory.locationId()), read, unknown(reads));
    }

    private static List<String> unknown(List<InventoryRead> reads) {
        return reads.stream().filter(r -> r.itemId() == null).map(InventoryRead::epcHex).toList();
    }

    private Inventory requireOpen(long id) {
        Inventory inventory = require(id);
        if (!inventory.open()) {
            throw LibraryProblems.badRequest("Inventory already finished", "inventory " + id + " was finished at " + inventory.finishedAt()
                    + "; start a new one");
        }
        return inventory;
    }

    private List<Inventory> openSessions() {
        long now = clock.millis();
        if (stale || now - openCachedAt > OPEN_CACHE_MS || now < openCachedAt) {
            openCache = inventories.open();
            openCachedAt = now;
            stale = false;
        }
        return openCache;
    }

    private static String user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }
}
