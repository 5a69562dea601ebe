package org.openrfid.trace.service.road;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.platform.web.CsvBodies;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The road links over REST: every link as JSON; a CSV import ({@code from,to,distance_m}, ADMIN) that reloads the network. */
@RestController
@RequestMapping("/api/v1/road-links")
class RoadLinkController {

    private final RoadLinks links;
    private final RoadLinkCsv csv;
    private final RoadLinkChanges changes;
    private final Auditor auditor;

    RoadLinkController(RoadLinks links, RoadLinkCsv csv, RoadLinkChanges changes, Auditor auditor) {
        this.links = links;
        this.csv = csv;
        this.changes = changes;
        this.auditor = auditor;
    }

    /** A few thousand links at most: the whole list, by from then to. */
    @GetMapping
    List<RoadLink> all() {
        return links.all();
    }

    /** Imports {@code from,to,distance_m} CSV, replacing by pair; all or nothing, refused with line-numbered problems. */
    @PostMapping(consumes = {"text/csv", "application/csv"})
    RoadLinkCsv.ImportResult importCsv(HttpServletRequest request) throws IOException {
        RoadLinkCsv.ImportResult result = csv.importFile(CsvBodies.reader(request));
        changes.changed();
        auditor.record("ROAD_LINK_IMPORT", "road-links.csv", null, result.rows(), AuditOutcome.OK);
        return result;
    }
}
