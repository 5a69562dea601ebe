package org.openrfid.trace.web.logistics;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openrfid.trace.service.gate.GateTransactionStore;
import org.openrfid.trace.service.logistics.LogisticsReconciler;
import org.openrfid.trace.service.logistics.Shipment;
import org.openrfid.trace.service.logistics.Shipments;
import org.openrfid.trace.web.console.DisplayNames;
import org.openrfid.trace.web.gates.GateDeskFeed;
import org.openrfid.trace.web.gates.GateRow;
import org.openrfid.trace.web.gates.GateRows;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /logistics} (LOGISTICS, ADMIN), the dock desk: receipts at the dock doors as they are recorded
 * (expected against read, pushed by the gate listener like the other desks), and the expected shipments
 * with the dock door's name, their window and how their latest receipt stands.
 */
@Controller
class LogisticsDeskController {

    static final int LATEST = 30;
    private static final long STREAM_TIMEOUT_MS = 30 * 60_000L;

    private final Shipments shipments;
    private final GateTransactionStore gates;
    private final GateRows rows;
    private final GateDeskFeed feed;
    private final DisplayNames names;

    LogisticsDeskController(Shipments shipments, GateTransactionStore gates, GateRows rows, GateDeskFeed feed, DisplayNames names) {
        this.shipments = shipments;
        this.gates = gates;
        this.rows = rows;
        this.feed = feed;
        this.names = names;
    }

    /** An expected shipment with its dock door's name and its latest receipt's verdict (null before any). */
    record ShipmentRow(Shipment shipment, String doorName, String verdict, Integer missing) {
    }

    @GetMapping("/logistics")
    String desk(Model model) {
        model.addAttribute("rows", rows.latest(LogisticsReconciler.DOCK_DOOR, LATEST));
        model.addAttribute("shipments", shipments.page(null, null, 200).stream().map(this::row).toList());
        return "logistics/index";
    }

    @GetMapping(path = "/logistics/stream", produces = "text/event-stream")
    SseEmitter stream(Locale locale, HttpServletRequest request) throws IOException {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        feed.open(new GateDeskFeed.Desk(emitter, LogisticsReconciler.DOCK_DOOR, "logistics/rows", locale, request.getContextPath()));
        return emitter;
    }

    private ShipmentRow row(Shipment s) {
        List<GateRow> latest = gates.find(new GateTransactionStore.Query(Set.of(LogisticsReconciler.DOCK_DOOR), null, null, null, null,
                LogisticsReconciler.EXPECTATION, s.id()), null, 1).stream().map(rows::of).toList();
        GateRow last = latest.isEmpty() ? null : latest.get(0);
        return new ShipmentRow(s, names.locationName(s.dockDoor()), last == null ? null : last.verdict(), last == null ? null : last.missing());
    }
}
