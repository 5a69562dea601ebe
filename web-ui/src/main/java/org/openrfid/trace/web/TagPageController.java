package org.openrfid.trace.web;

import java.util.List;
import org.openrfid.trace.identity.EpcDecoder;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.identity.FilterVariants;
import org.openrfid.trace.identity.TagIdentity;
import org.openrfid.trace.service.passage.PassageQueries;
import org.openrfid.trace.service.passage.TagWindow;
import org.openrfid.trace.service.passage.TimeOrder;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.reader.RawEpc;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Find a tag": an EPC typed as hex, tag URI, pure-identity URI or GS1 Digital Link is decoded and its
 * latest passages listed. A Digital Link does not say where the company prefix ends, so the page
 * asks for its length when it needs it.
 */
@Controller
class TagPageController {

    private static final int LATEST = 50;

    private final PassageQueries queries;
    private final Lookups lookups;

    TagPageController(PassageQueries queries, Lookups lookups) {
        this.queries = queries;
        this.lookups = lookups;
    }

    @GetMapping("/tags")
    String find(@RequestParam(required = false) String epc, @RequestParam(required = false) Integer gcp, Model model) {
        model.addAttribute("epc", epc == null ? "" : epc);
        model.addAttribute("gcp", gcp);
        if (epc == null || epc.isBlank()) {
            return "tags/find";
        }
        try {
            RawEpc raw = gcp == null ? EpcInput.parse(epc.trim()) : EpcInput.parse(epc.trim(), gcp);
            TagIdentity identity = EpcDecoder.decode(raw);
            model.addAttribute("identity", identity);
            model.addAttribute("hex", raw.toHex());
            List<TagWindow> anyFilter = FilterVariants.ofInput(epc, raw).stream().map(v -> new TagWindow(v.toHex(), null, null)).toList();
            Scope scope = lookups.scope("TAG_HISTORY", "tag " + epc);
            var passages = queries.ofTags(anyFilter, scope, null, TimeOrder.NEWEST_FIRST, LATEST);
            lookups.record("TAG_HISTORY", "tag " + epc, null, passages.size());
            model.addAttribute("passages", passages);
        } catch (IllegalArgumentException e) {
            // InvalidEpcException included: the reason names what is wrong with the input.
            model.addAttribute("error", e.getMessage());
        }
        return "tags/find";
    }
}
