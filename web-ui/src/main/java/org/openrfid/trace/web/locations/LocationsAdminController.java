package org.openrfid.trace.web.locations;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.openrfid.trace.service.readerfleet.ReaderDefinition;
import org.openrfid.trace.web.console.DisplayNames;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/locations} (ADMIN): every place in a table beside a map that draws them all, a form to add one
 * (a click on the map sets its point, "Draw area" adds a polygon's corners click by click, or latitude and
 * longitude typed), editing one with its shape, and removing one that no reader antenna and no other place
 * refers to any more. The same {@link Locations} port as {@code /api/v1/locations}: the enrichment cache, the
 * readers page's place selects and the base map hear of a change at once. Every change is audited.
 */
@Controller
class LocationsAdminController {

    static final String LANE = "lane";

    private final Locations locations;
    private final ReaderConnections readers;
    private final DisplayNames names;
    private final Auditor auditor;

    LocationsAdminController(Locations locations, ReaderConnections readers, DisplayNames names, Auditor auditor) {
        this.locations = locations;
        this.readers = readers;
        this.names = names;
        this.auditor = auditor;
    }

    @GetMapping("/admin/locations")
    String list(@RequestParam(required = false) String done, @RequestParam(required = false) String subject, Model model) {
        List<Location> all = locations.all();
        // a notice names only a place that is (or, once removed, is no longer) registered, as it says
        boolean known = subject != null && all.stream().anyMatch(l -> l.id().equals(subject));
        boolean shown = "removed".equals(done) ? subject != null && !known && subject.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}") : known && DONE.contains(done);
        model.addAttribute("done", shown ? done : null);
        model.addAttribute("subject", shown ? ("removed".equals(done) ? subject : names.locationName(subject)) : null);
        return page(model, all, null, LocationForm.empty(), Map.of());
    }

    private static final Set<String> DONE = Set.of("created", "updated");

    @PostMapping("/admin/locations")
    String add(@RequestParam(required = false) String id, @RequestParam(required = false) String name,
               @RequestParam(required = false) String kind, @RequestParam(required = false) String parent,
               @RequestParam(required = false) String lanes, @RequestParam(required = false) String lat,
               @RequestParam(required = false) String lon, @RequestParam(required = false) String area, Model model,
               HttpServletResponse response) {
        LocationForm form = new LocationForm(id, name, kind, parent, lanes, lat, lon, area);
        List<Location> all = locations.all();
        Map<String, String> problems = form.problems(null, parents(all));
        if (problems.isEmpty()) {
            Location l = form.toLocation(null);
            List<Location> saved = new ArrayList<>(List.of(l));
            saved.addAll(newLanes(l, List.of(), form.laneCount(), all));
            locations.save(saved);
            auditor.record("LOCATION_CREATED", describe(l) + (saved.size() > 1 ? ", " + (saved.size() - 1) + " lane(s)" : ""),
                    null, (long) saved.size(), AuditOutcome.OK);
            return "redirect:/admin/locations?done=created&subject=" + l.id() + "#content";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, all, null, form, problems);
    }

    @GetMapping("/admin/locations/{id}/edit")
    String edit(@PathVariable String id, @RequestParam(required = false) String confirm, Model model) {
        List<Location> all = locations.all();
        Location l = registered(id, all);
        model.addAttribute("confirmRemove", "remove".equals(confirm));
        return page(model, all, l, LocationForm.of(l, lanesOf(id, all).size()), Map.of());
    }

    @PostMapping("/admin/locations/{id}/edit")
    String save(@PathVariable String id, @RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String parent, @RequestParam(required = false) String lanes,
                @RequestParam(required = false) String lat, @RequestParam(required = false) String lon,
                @RequestParam(required = false) String area, Model model, HttpServletResponse response) {
        List<Location> all = locations.all();
        Location before = registered(id, all);
        LocationForm form = new LocationForm(id, name, kind, parent, lanes, lat, lon, area);
        Map<String, String> problems = new LinkedHashMap<>(form.problems(id, parents(all)));
        List<Location> lanesBefore = lanesOf(id, all);
        List<Location> dropped = lanesBefore.size() > form.laneCount() && !problems.containsKey("lanes")
                ? lanesBefore.subList(form.laneCount(), lanesBefore.size()) : List.of();
        Set<String> held = dropped.stream().filter(d -> !referencesTo(d.id(), all).isEmpty()).map(Location::id)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        if (!held.isEmpty()) {
            problems.put("lanes", "locadmin.problem.lanesInUse");
        }
        if (problems.isEmpty()) {
            Location after = form.toLocation(id);
            List<Location> saved = new ArrayList<>(List.of(after));
            saved.addAll(newLanes(after, lanesBefore, form.laneCount(), all));
            locations.save(saved);
            dropped.forEach(d -> locations.delete(d.id()));
            auditor.record("LOCATION_UPDATED", describe(after) + lanesChange(lanesBefore.size(), form.laneCount()), null,
                    (long) (saved.size() + dropped.size()), AuditOutcome.OK);
            return "redirect:/admin/locations?done=updated&subject=" + id + "#content";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("heldLanes", String.join(", ", held));
        return page(model, all, before, form, problems);
    }

    /**
     * Asked first ({@code ?confirm=remove} on the edit page). Refused while a reader antenna or another place
     * still refers to it: removing it would leave antennas mapping nowhere and children under nothing. Its
     * own lanes go with it when nothing refers to them.
     */
    @PostMapping("/admin/locations/{id}/remove")
    String remove(@PathVariable String id, Model model, HttpServletResponse response) {
        List<Location> all = locations.all();
        Location l = registered(id, all);
        List<Location> lanes = lanesOf(id, all);
        Set<String> ownLanes = new java.util.HashSet<>();
        lanes.forEach(x -> ownLanes.add(x.id()));
        References refs = referencesTo(id, all);
        List<String> antennas = new ArrayList<>(refs.readers());
        List<String> others = new ArrayList<>(refs.children().stream().filter(c -> !ownLanes.contains(c)).map(names::locationName).toList());
        for (Location lane : lanes) {
            References r = referencesTo(lane.id(), all);
            antennas.addAll(r.readers());
            others.addAll(r.children().stream().map(names::locationName).toList());
        }
        if (!antennas.isEmpty() || !others.isEmpty()) {
            auditor.record("LOCATION_REMOVED", describe(l) + " refused: still referred to", null, 0L, AuditOutcome.REFUSED);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("refusedReaders", String.join(", ", new TreeSet<>(antennas)));
            model.addAttribute("refusedChildren", String.join(", ", others));
            model.addAttribute("confirmRemove", false);
            return page(model, all, l, LocationForm.of(l, lanes.size()), Map.of());
        }
        lanes.forEach(x -> locations.delete(x.id()));
        locations.delete(id);
        auditor.record("LOCATION_REMOVED", describe(l) + (lanes.isEmpty() ? "" : ", " + lanes.size() + " lane(s)"), null,
                (long) lanes.size() + 1, AuditOutcome.OK);
        return "redirect:/admin/locations?done=removed&subject=" + id + "#content";
    }

    /** Who refers to a place: readers by id with the antenna, and child places by id. */
    record References(List<String> readers, List<String> children) {
        boolean isEmpty() {
            return readers.isEmpty() && children.isEmpty();
        }
    }

    private References referencesTo(String id, List<Location> all) {
        List<String> antennas = new ArrayList<>();
        for (ReaderDefinition d : readers.all()) {
            for (ReaderDefinition.Antenna a : d.antennas()) {
                if (id.equals(a.location())) {
                    antennas.add(d.id() + " #" + a.antenna());
                }
            }
        }
        List<String> children = all.stream().filter(c -> id.equals(c.parent())).map(Location::id).toList();
        return new References(antennas, children);
    }

    /** The place's lanes (its children of kind lane), in id order: the last ones go when fewer are asked for. */
    static List<Location> lanesOf(String id, List<Location> all) {
        return all.stream().filter(c -> id.equals(c.parent()) && LANE.equals(c.kind()))
                .sorted(Comparator.comparing(Location::id)).toList();
    }

    /** Lanes to add up to {@code wanted}, named and numbered after the place, at its position (moved later if need be). */
    private static List<Location> newLanes(Location place, List<Location> existing, int wanted, List<Location> all) {
        Set<String> taken = new java.util.HashSet<>();
        all.forEach(l -> taken.add(l.id()));
        List<Location> out = new ArrayList<>();
        int number = 1;
        for (int have = existing.size(); have < wanted; have++) {
            while (taken.contains(laneId(place, number))) {
                number++;
            }
            String laneId = laneId(place, number);
            taken.add(laneId);
            out.add(new Location(laneId, place.name() + " lane " + number, LANE, place.lat(), place.lon(), place.id()));
            number++;
        }
        return out;
    }

    /** {@code CQ-CP-001-L2}; a place id near the 64-character limit is cut to leave room for the suffix. */
    private static String laneId(Location place, int number) {
        String suffix = "-L" + number;
        String base = place.id().length() + suffix.length() > 64 ? place.id().substring(0, 64 - suffix.length()) : place.id();
        return base + suffix;
    }

    private static String lanesChange(int before, int after) {
        return before == after ? "" : ", lanes " + before + " -> " + after;
    }

    private static String describe(Location l) {
        return "location " + l.id() + " '" + l.name() + "' " + l.kind() + (l.isArea() ? " area" : " " + l.lat() + "," + l.lon())
                + (l.parent() == null ? "" : " in " + l.parent());
    }

    private static Map<String, String> parents(List<Location> all) {
        Map<String, String> out = new HashMap<>();
        all.forEach(l -> out.put(l.id(), l.parent()));
        return out;
    }

    private static Location registered(String id, List<Location> all) {
        return all.stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no location '" + id + "'"));
    }

    private String page(Model model, List<Location> all, Location editing, LocationForm form, Map<String, String> problems) {
        Map<String, Location> byId = new HashMap<>();
        all.forEach(l -> byId.put(l.id(), l));
        List<LocationAdminRow> rows = all.stream()
                // a place, then what lies under it
                .sorted(Comparator.comparing((Location l) -> l.parent() == null ? l.id() : l.parent())
                        .thenComparing(l -> l.parent() != null).thenComparing(Location::id))
                .map(l -> LocationAdminRow.of(l, l.parent() == null || !byId.containsKey(l.parent()) ? null : names.locationName(l.parent()),
                        lanesOf(l.id(), all).size()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("total", all.size());
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("kinds", LocationForm.kinds(all));
        // a place cannot sit under itself or anything under it: those are not offered
        Set<String> below = editing == null ? Set.of() : locations.withDescendants(List.of(editing.id()));
        model.addAttribute("parents", all.stream().filter(l -> !below.contains(l.id()) && !LANE.equals(l.kind()))
                .sorted(Comparator.comparing(Location::name)).toList());
        return "locations/admin";
    }
}
