package org.openrfid.trace.web.objects;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.identity.FilterVariants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.passage.LocatedPassage;
import org.openrfid.trace.service.passage.PassageCursor;
import org.openrfid.trace.service.passage.TimeOrder;
import org.openrfid.trace.service.privacy.Callers;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.web.console.ConsoleZone;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page per traced object: identity and registry data, tags over time, watchlist, open alerts, a
 * cursor-paged timeline of passages and the map with replay for a period. A vehicle page first asks
 * why (the case or ticket); until then it shows only that question, as the API answers nothing
 * without a purpose.
 */
@Controller
class ObjectPagesController {

    static final int TIMELINE = 50;

    private final ObjectPassages passages;
    private final ObjectFacts facts;
    private final ObjectContext context;
    private final Callers callers;
    private final Lookups lookups;
    private final ConsoleZone zone;
    private final Clock clock;

    ObjectPagesController(ObjectPassages passages, ObjectFacts facts, ObjectContext context, Callers callers, Lookups lookups, ConsoleZone zone,
                          Clock clock) {
        this.passages = passages;
        this.facts = facts;
        this.context = context;
        this.callers = callers;
        this.lookups = lookups;
        this.zone = zone;
        this.clock = clock;
    }

    @GetMapping("/vehicles/{id}")
    String vehicle(@PathVariable String id, @RequestParam(required = false) String purpose, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, @RequestParam(required = false) String cursor, Model model) {
        if (Lookups.purposeOf(purpose, null) == null) {
            if (!callers.scope().sees(ObjectKind.VEHICLE.name())) {
                throw lookups.refuse("VEHICLE_HISTORY", "VEHICLE:" + id, null,
                        "your roles " + callers.roles() + " do not see objects of kind VEHICLE");
            }
            ObjectPassages.uuid(id);
            model.addAttribute("id", id);
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            return "objects/purpose";
        }
        return page(TracedKind.VEHICLE, id, purpose, from, to, cursor, model);
    }

    @GetMapping("/goods/{id}")
    String goods(@PathVariable String id, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) String cursor, Model model) {
        return page(TracedKind.GOODS, id, null, from, to, cursor, model);
    }

    @GetMapping("/pallets/{id}")
    String pallet(@PathVariable String id, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String cursor, Model model) {
        return page(TracedKind.PALLET, id, null, from, to, cursor, model);
    }

    @GetMapping("/containers/{id}")
    String container(@PathVariable String id, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(required = false) String cursor, Model model) {
        return page(TracedKind.CONTAINER, id, null, from, to, cursor, model);
    }

    @GetMapping("/library-items/{id}")
    String libraryItem(@PathVariable String id, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       @RequestParam(required = false) String cursor, Model model) {
        return page(TracedKind.LIBRARY_ITEM, id, null, from, to, cursor, model);
    }

    @GetMapping("/tags/{epc}")
    String tag(@PathVariable String epc, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
               @RequestParam(required = false) String cursor, Model model) {
        return tagPage(epc, null, from, to, cursor, model);
    }

    /** The old "find a tag" address, kept: any written form, a Digital Link with its company prefix length ({@code gcp}). */
    @GetMapping("/tags")
    String findTag(@RequestParam(required = false) String epc, @RequestParam(required = false) Integer gcp,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String cursor, Model model) {
        if (epc == null || epc.isBlank()) {
            return "redirect:/search";
        }
        if (gcp == null && epc.trim().regionMatches(true, 0, "http", 0, 4)) {
            // a Digital Link without its prefix length cannot be decoded: the search explains what it accepts
            return "redirect:" + UriComponentsBuilder.fromPath("/search").queryParam("q", epc.trim()).encode().build().toUriString();
        }
        return tagPage(epc, gcp, from, to, cursor, model);
    }

    private String tagPage(String epc, Integer gcp, String from, String to, String cursor, Model model) {
        ObjectPassages.Opened o;
        ObjectFacts.Facts identity;
        try {
            o = passages.openTag(epc, gcp, null);
            identity = facts.tag(epc.trim(), gcp);
        } catch (IllegalArgumentException e) {
            // not a decodable EPC: for a person that is "no such tag", and the reason says what is wrong with it
            throw new java.util.NoSuchElementException(e.getMessage());
        }
        // the EPC as written: a Digital Link does not fit in a path, and a pure identity stands for every filter value
        model.addAttribute("trackUrl", UriComponentsBuilder.fromPath("/ui/objects/tags/{id}/track").queryParam("epc", epc.trim())
                .queryParamIfPresent("gcp", java.util.Optional.ofNullable(gcp)).buildAndExpand(o.id()).encode().toUriString());
        return page(o, identity, from, to, cursor, model);
    }

    private String page(TracedKind kind, String id, String purpose, String from, String to, String cursor, Model model) {
        ObjectPassages.Opened o = passages.open(kind, id, purpose);
        return page(o, facts.of(kind, o.id()), from, to, cursor, model);
    }

    private String page(ObjectPassages.Opened o, ObjectFacts.Facts objectFacts, String from, String to, String cursor, Model model) {
        TracedKind kind = o.kind();
        ReplayPeriod period = ReplayPeriod.parse(from, to, zone.zone(), clock);
        List<LocatedPassage> timeline = passages.passages(o, null, null, PassageCursor.decode(cursor), TimeOrder.NEWEST_FIRST, TIMELINE + 1);
        boolean more = timeline.size() > TIMELINE;
        List<LocatedPassage> shown = more ? timeline.subList(0, TIMELINE) : timeline;
        Passage last = shown.isEmpty() ? null : shown.get(shown.size() - 1).passage();
        Set<String> epcs = kind == TracedKind.TAG
                ? o.windows().apply(null, null).stream().map(w -> w.epcHex()).collect(Collectors.toSet()) : Set.of();

        model.addAttribute("kind", kind);
        if (!model.containsAttribute("trackUrl")) {
            model.addAttribute("trackUrl", UriComponentsBuilder.fromPath("/ui/objects/{kind}/{id}/track").buildAndExpand(kind.path(), o.id())
                    .encode().toUriString());
        }
        model.addAttribute("id", o.id());
        model.addAttribute("purpose", o.purpose());
        model.addAttribute("facts", objectFacts);
        model.addAttribute("bindings", context.bindingsOf(kind, o.id()));
        model.addAttribute("tagOwner", kind == TracedKind.TAG ? context.ownerOf(o.id()) : null);
        model.addAttribute("owners", kind == TracedKind.TAG ? context.ownersOf(o.id()) : List.of());
        model.addAttribute("watchlist", context.watchlistOf(kind, o.id()));
        model.addAttribute("alerts", context.openAlerts(kind, o.id(), epcs));
        model.addAttribute("timeline", shown);
        model.addAttribute("older", more ? new PassageCursor(last.firstSeen(), last.id()).encode() : null);
        model.addAttribute("cursor", cursor);
        model.addAttribute("fromInput", ReplayPeriod.input(period.from(), zone.zone()));
        model.addAttribute("toInput", ReplayPeriod.input(period.to(), zone.zone()));
        model.addAttribute("companions", context.companions(o, period));
        model.addAttribute("heldIn", context.heldIn(kind, o.id()));
        model.addAttribute("contents", context.contents(kind, o.id()));
        return "objects/page";
    }
}
