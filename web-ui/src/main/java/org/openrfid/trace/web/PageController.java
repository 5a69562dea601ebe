package org.openrfid.trace.web;

import org.openrfid.trace.service.passage.PassageStore;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page and the dashboard with its self-refreshing list of latest passages, of the kinds the
 * user's roles see. Opening the dashboard is audited once ({@code LIVE_PASSAGES}); its refreshes are
 * part of that view and are not recorded one by one.
 */
@Controller
class PageController {

    private static final int LATEST = 30;

    private final PassageStore passages;
    private final Lookups lookups;

    PageController(PassageStore passages, Lookups lookups) {
        this.passages = passages;
        this.lookups = lookups;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String dashboard(Model model) {
        Scope scope = lookups.scope("LIVE_PASSAGES", "dashboard");
        var latest = passages.latest(scope, LATEST);
        lookups.record("LIVE_PASSAGES", "dashboard", null, latest.size());
        model.addAttribute("passages", latest);
        model.addAttribute("total", passages.count());
        return "dashboard/index";
    }

    /** The fragment htmx swaps in every few seconds. */
    @GetMapping("/ui/passages")
    String latestPassages(Model model) {
        model.addAttribute("passages", passages.latest(lookups.scope("LIVE_PASSAGES", "dashboard"), LATEST));
        model.addAttribute("total", passages.count());
        return "dashboard/passages :: table";
    }
}
