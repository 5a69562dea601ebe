package org.openrfid.trace.web.watchlists;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.service.alert.delivery.Webhook;
import org.openrfid.trace.service.alert.delivery.WebhookDelivery;
import org.openrfid.trace.service.alert.delivery.Webhooks;
import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;
import org.openrfid.trace.web.console.ConsoleZone;
import org.openrfid.trace.web.console.DisplayNames;
import org.openrfid.trace.web.console.ObjectLabel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/watchlists} (ADMIN): the newest watchlist entries with the object by plate or name, reason and
 * validity; adding one by plate or EPC and ending one; and the alert webhooks with their delivery state and a
 * "Send test" that shows what the receiver answered. The same stores as the watchlist and webhooks APIs, audited
 * with their action names; the rule engine's watchlist index sees an entry within a second.
 */
@Controller
class WatchlistsPageController {

    static final int SHOWN = 200;

    private final Watchlist watchlist;
    private final Vehicles vehicles;
    private final TagBindings bindings;
    private final DisplayNames names;
    private final Webhooks webhooks;
    private final WebhookDelivery delivery;
    private final Auditor auditor;
    private final ConsoleZone zone;
    private final Clock clock;

    WatchlistsPageController(Watchlist watchlist, Vehicles vehicles, TagBindings bindings, DisplayNames names, Webhooks webhooks,
                             WebhookDelivery delivery, Auditor auditor, ConsoleZone zone, Clock clock) {
        this.watchlist = watchlist;
        this.vehicles = vehicles;
        this.bindings = bindings;
        this.names = names;
        this.webhooks = webhooks;
        this.delivery = delivery;
        this.auditor = auditor;
        this.zone = zone;
        this.clock = clock;
    }

    @GetMapping("/admin/watchlists")
    String page(@RequestParam(required = false) String list, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done);
        return page(model, list, WatchlistForm.empty(), Map.of());
    }

    @PostMapping("/admin/watchlists")
    String add(@RequestParam(required = false) String list, @RequestParam(required = false) String object,
               @RequestParam(required = false) String reason, @RequestParam(required = false) String from,
               @RequestParam(required = false) String until, Model model, HttpServletResponse response) {
        WatchlistForm form = new WatchlistForm(list, object, reason, from, until);
        // stores keep microseconds: an unrounded "now" would not find its own entry again
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, String> problems = new LinkedHashMap<>(form.problems(zone.zone(), now));
        Optional<Named> named = problems.containsKey("object") ? Optional.empty() : resolve(form.object(), now);
        if (named.isEmpty() && !problems.containsKey("object")) {
            problems.put("object", "watchlists.problem.unknown");
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, null, form, problems);
        }
        Named n = named.get();
        WatchlistEntry e = new WatchlistEntry(0, form.list(), n.object().kind(), n.object().id(), n.epcHex(), n.subject(), form.reason(),
                form.start(zone.zone(), now), form.end(zone.zone()));
        watchlist.save(List.of(e));
        auditor.record("WATCHLIST_ADDED", e.list() + " " + e.kind() + ":" + e.objectId(), e.reason(), 1L, AuditOutcome.OK);
        // a fragment of its own: the browser would keep the form's "#new-entry-title" over a redirect without one
        return "redirect:/admin/watchlists?done=added#content";
    }

    @PostMapping("/admin/watchlists/{id}/end")
    String end(@PathVariable long id) {
        WatchlistEntry e = watchlist.find(id).orElseThrow(() -> new NoSuchElementException("no watchlist entry " + id));
        if (watchlist.end(id, clock.instant())) {
            auditor.record("WATCHLIST_ENDED", e.list() + " " + e.kind() + ":" + e.objectId() + " (entry " + id + ")", null, 1L, AuditOutcome.OK);
        }
        return "redirect:/admin/watchlists?done=ended";
    }

    /** Sends the webhook a test event now; its delivery state stays as it was (only real deliveries count). */
    @PostMapping("/admin/watchlists/webhooks/{id}/test")
    String testWebhook(@PathVariable long id, Model model) {
        Webhook w = webhooks.find(id).orElseThrow(() -> new NoSuchElementException("no webhook " + id));
        WebhookDelivery.TestResult result = delivery.test(w);
        auditor.record("WEBHOOK_TESTED", "webhook " + w.id() + " " + Webhook.redacted(w.url())
                + (result.delivered() ? " delivered" : " failed: " + result.error()), null, 1L, AuditOutcome.OK);
        model.addAttribute("tested", new Tested(w.id(), Webhook.redacted(w.url()), result));
        return page(model, null, WatchlistForm.empty(), Map.of());
    }

    /** A test delivery's outcome, for the webhook it went to. */
    public record Tested(long webhookId, String url, WebhookDelivery.TestResult result) {
    }

    /** A webhook as the page shows it: never the secret, the URL without query (it may carry a token). */
    public record WebhookRow(Webhook webhook, String url) {
    }

    private record Named(BoundObject object, String epcHex, String subject) {
    }

    /** A plate names a vehicle; anything else is tried as an EPC, naming what its tag is bound to now. */
    private Optional<Named> resolve(String text, Instant now) {
        Optional<Vehicle> v = vehicles.findByPlate(text);
        if (v.isPresent()) {
            return Optional.of(new Named(new BoundObject(ObjectKind.VEHICLE, v.get().id().toString()), null, v.get().plate()));
        }
        String hex;
        try {
            hex = EpcInput.parse(text).toHex();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return bindings.at(hex, now).map(b -> {
            BoundObject o = new BoundObject(b.kind(), b.objectId());
            return new Named(o, hex, names.of(o).map(ObjectLabel::title).orElse(null));
        });
    }

    private String page(Model model, String list, WatchlistForm form, Map<String, String> problems) {
        Instant now = clock.instant();
        String only = list == null || list.isBlank() ? null : WatchlistEntry.listName(list);
        List<WatchlistRow> rows = new ArrayList<>();
        for (WatchlistEntry e : newest(only)) {
            Optional<ObjectLabel> label = names.of(new BoundObject(e.kind(), e.objectId()));
            String shown = label.map(ObjectLabel::title).orElse(e.subject() != null ? e.subject() : e.objectId());
            rows.add(new WatchlistRow(e, shown, label.map(ObjectLabel::detail).orElse(""), label.map(ObjectLabel::href).orElse(null),
                    WatchlistRow.state(e, now)));
        }
        TreeSet<String> lists = new TreeSet<>(List.of("stolen_vehicle", "customs_hold", "inspection_expired"));
        rows.forEach(r -> lists.add(r.entry().list()));
        model.addAttribute("rows", rows);
        model.addAttribute("total", watchlist.count());
        model.addAttribute("list", only);
        model.addAttribute("lists", lists);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("hooks", webhooks.all().stream().map(w -> new WebhookRow(w, Webhook.redacted(w.url()))).toList());
        return "watchlists/index";
    }

    /** The newest {@link #SHOWN} entries, newest first: the store pages in id order only, so the last page is kept. */
    private List<WatchlistEntry> newest(String list) {
        Deque<WatchlistEntry> last = new ArrayDeque<>(SHOWN);
        long after = 0;
        while (true) {
            List<WatchlistEntry> page = watchlist.page(after, list, 1_000);
            for (WatchlistEntry e : page) {
                if (last.size() == SHOWN) {
                    last.removeFirst();
                }
                last.addLast(e);
            }
            if (page.size() < 1_000) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        List<WatchlistEntry> out = new ArrayList<>(last);
        java.util.Collections.reverse(out);
        return out;
    }
}
