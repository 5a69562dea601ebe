package org.openrfid.trace.web;

import org.openrfid.trace.service.passage.PassageStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the dashboard with its self-refreshing list of latest passages. */
@Controller
class PageController {

    private static final int LATEST = 30;

    private final PassageStore passages;

    PageController(PassageStore passages) {
        this.passages = passages;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String dashboard(Model model) {
        model.addAttribute("passages", passages.latest(LATEST));
        model.addAttribute("total", passages.count());
        return "dashboard/index";
    }

    /** The fragment htmx swaps in every few seconds. */
    @GetMapping("/ui/passages")
    String latestPassages(Model model) {
        model.addAttribute("passages", passages.latest(LATEST));
        model.addAttribute("total", passages.count());
        return "dashboard/passages :: table";
    }
}
