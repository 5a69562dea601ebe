package org.openrfid.trace.web.search;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** {@code /search?q=}: one hit opens its page, several are listed, none is explained with examples. */
@Controller
class SearchController {

    private final ObjectSearch search;

    SearchController(ObjectSearch search) {
        this.search = search;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String purpose, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("purpose", purpose);
        if (q == null || q.isBlank()) {
            return "search/index";
        }
        List<SearchHit> hits = search.search(q, purpose);
        if (hits.size() == 1) {
            return "redirect:" + withPurpose(hits.get(0), purpose);
        }
        model.addAttribute("hits", hits);
        return "search/index";
    }

    /** A vehicle's page asks for the purpose unless the search already carried one in. */
    static String withPurpose(SearchHit hit, String purpose) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(hit.href());
        if (hit.vehicle() && purpose != null && !purpose.isBlank()) {
            b.queryParam("purpose", purpose.strip());
        }
        return b.encode().build().toUriString();
    }
}
