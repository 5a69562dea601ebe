package org.openrfid.trace.service.gate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.service.epcis.EventHash;
import org.openrfid.trace.service.epcis.Vocabulary;

/**
 * A gate transaction as an EPCIS 2.0 document: one ObjectEvent (action OBSERVE, every GS1 EPC read or
 * placed, the reconciler's bizStep and disposition, the expectation as a bizTransaction) and, when
 * more than one unit travelled together, one AggregationEvent (action OBSERVE) with the container's BIC
 * as parentID when it is known. EPCs without a GS1 pure identity (e-plates) are left out of both.
 */
public final class GateEpcisEvents {

    public static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    static final String EXPECTATION_URI = "urn:openrfid:expectation:";
    private static final Map<String, String> NS = EventHash.namespaces(null);

    private GateEpcisEvents() {
    }

    /** The EPCIS document of the transaction, or null when nothing in it has a GS1 identity. */
    public static ObjectNode document(GateTransaction t, Instant creationDate) {
        List<String> epcs = pureIdentities(t.contents());
        if (epcs.isEmpty()) {
            return null;
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode();
        doc.putArray("@context").add(CONTEXT);
        doc.put("type", "EPCISDocument");
        doc.put("schemaVersion", "2.0");
        doc.put("creationDate", EventHash.utcMillis(creationDate.toString()));
        ArrayNode events = doc.putObject("epcisBody").putArray("eventList");
        events.add(objectEvent(t, epcs));
        ObjectNode aggregation = aggregationEvent(t, epcs);
        if (aggregation != null) {
            events.add(aggregation);
        }
        return doc;
    }

    static ObjectNode objectEvent(GateTransaction t, List<String> epcs) {
        ObjectNode e = base("ObjectEvent", t);
        epcs.forEach(e.putArray("epcList")::add);
        e.put("action", "OBSERVE");
        e.put("bizStep", t.reconciliation().bizStep());
        if (t.reconciliation().disposition() != null) {
            e.put("disposition", t.reconciliation().disposition());
        }
        e.putObject("readPoint").put("id", Vocabulary.locationUri(t.contents().locationId()));
        if (t.reconciliation().expectationId() != null) {
            ObjectNode bt = e.putArray("bizTransactionList").addObject();
            if ("shipment".equals(t.reconciliation().expectationKind())) {
                bt.put("type", "desadv"); // an advance shipping notice is a despatch advice
            }
            bt.put("bizTransaction", EXPECTATION_URI + t.reconciliation().expectationKind() + ":"
                    + java.net.URLEncoder.encode(t.reconciliation().expectationId(), java.nio.charset.StandardCharsets.UTF_8));
        }
        e.put("eventID", EventHash.hash(e, NS));
        return e;
    }

    static ObjectNode aggregationEvent(GateTransaction t, List<String> epcs) {
        String parent = t.contents().container() == null ? null : "urn:epc:id:bic:" + t.contents().container();
        if (epcs.size() < 2 && parent == null) {
            return null;
        }
        ObjectNode e = base("AggregationEvent", t);
        if (parent != null) {
            e.put("parentID", parent);
        }
        epcs.forEach(e.putArray("childEPCs")::add);
        e.put("action", "OBSERVE");
        e.put("bizStep", t.reconciliation().bizStep());
        e.putObject("readPoint").put("id", Vocabulary.locationUri(t.contents().locationId()));
        e.put("eventID", EventHash.hash(e, NS));
        return e;
    }

    private static ObjectNode base(String type, GateTransaction t) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("type", type);
        e.put("eventTime", EventHash.utcMillis(t.contents().end().toString()));
        e.put("eventTimeZoneOffset", "+00:00");
        return e;
    }

    static List<String> pureIdentities(GateContents c) {
        Set<String> out = new LinkedHashSet<>();
        for (GateItem i : c.items()) {
            if (i.epc() != null) {
                try {
                    out.add(EpcInput.pureIdentity(i.epc()));
                } catch (RuntimeException notGs1) {
                    // an EPC with no pure identity (an e-plate, a raw EPC) has no place in an EPCIS epcList
                }
            }
        }
        return new ArrayList<>(out);
    }
}
