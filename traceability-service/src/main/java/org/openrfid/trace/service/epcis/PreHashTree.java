package org.openrfid.trace.service.epcis;

import static org.openrfid.trace.service.epcis.PreHashValues.CBV;
import static org.openrfid.trace.service.epcis.PreHashValues.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON event as the tree of named fields the CBV 2.0 hash algorithm is defined on, which is XML's:
 * list members are named after their list ({@code epcList} holds {@code epc}s), keys with a namespace
 * prefix become {@code {uri}localName}, CURIEs of GS1 vocabularies and bare CBV words in values become
 * URIs, as JSON-LD expansion with the EPCIS context does.
 */
final class PreHashTree {

    /** A field of the event in the XML-like model: a value, children, or both. */
    record Node(String name, String value, List<Node> children) {
        Node(String name, String value) {
            this(name, value, new ArrayList<>());
        }
    }

    private static final Set<String> EPC_LISTS = Set.of("epcList", "childEPCs", "inputEPCList", "outputEPCList");
    private static final Set<String> QUANTITY_LISTS = Set.of("quantityList", "childQuantityList", "inputQuantityList",
            "outputQuantityList");
    /** Fields the algorithm leaves out: the id being computed, when it was recorded, comments, JSON-LD plumbing. */
    private static final Set<String> IGNORED = Set.of("eventID", "recordTime", "errorDeclaration", "#text", "rdfs:comment",
            "comment", "@context");

    private final Map<String, String> ns;

    /** @param namespaces the prefixes in force for the event's document */
    PreHashTree(Map<String, String> namespaces) {
        this.ns = namespaces;
    }

    /**
     * The event's fields as nodes, without its {@code type} (which leads the pre-hash string on its own),
     * the fields the algorithm ignores, and those the document declares ignored ({@code ignoredFields},
     * expanded names).
     */
    List<Node> fields(JsonNode event, Set<String> ignoredFields) {
        List<Node> children = new ArrayList<>();
        event.fields().forEachRemaining(e -> {
            if (!"type".equals(e.getKey()) && !IGNORED.contains(e.getKey()) && !ignoredFields.contains(expandKey(e.getKey()))) {
                convert(e.getKey(), e.getValue(), children, null);
            }
        });
        return children;
    }

    private void convert(String key, JsonNode value, List<Node> into, String parent) {
        String name = expandKey(key);
        if (EPC_LISTS.contains(key) && value.isArray()) {
            Node list = new Node(name, null);
            value.forEach(v -> list.children().add(new Node("epc", v.asText())));
            into.add(list);
        } else if (QUANTITY_LISTS.contains(key) && value.isArray()) {
            Node list = new Node(name, null);
            value.forEach(v -> list.children().add(object("quantityElement", v, key)));
            into.add(list);
        } else if ("sensorElementList".equals(key) && value.isArray()) {
            Node list = new Node(name, null);
            value.forEach(v -> list.children().add(object("sensorElement", v, key)));
            into.add(list);
        } else if (("bizTransactionList".equals(key) || "sourceList".equals(key) || "destinationList".equals(key))
                && value.isArray()) {
            into.add(typedList(name, key.substring(0, key.length() - 4), value));
        } else if (value.isArray()) {
            for (JsonNode v : value) {
                convert(key, v, into, parent);
            }
        } else if (value.isObject()) {
            into.add(object(name, value, key));
        } else if (!value.isNull()) {
            into.add(new Node(name, vocabulary(parent == null ? key : parent + "." + key, expandValue(value.asText()))));
        }
    }

    /** A list of typed values (business transactions, sources, destinations): one pseudo element per entry. */
    private Node typedList(String name, String member, JsonNode entries) {
        Node list = new Node(name, null);
        for (JsonNode v : entries) {
            // type first, then the value (no further sorting inside)
            String type = v.hasNonNull("type") ? canonical("type", vocabulary(member + "Type", v.get("type").asText())) : "";
            String text = v.hasNonNull(member) ? canonical(member, v.get(member).asText()) : "";
            String s = (type.isEmpty() ? "" : "type=" + type) + (text.isEmpty() ? "" : member + "=" + text);
            if (!s.isEmpty()) {
                list.children().add(new Node(s, null));
            }
        }
        return list;
    }

    private Node object(String name, JsonNode obj, String key) {
        Node node = new Node(name, null);
        obj.fields().forEachRemaining(e -> {
            if (!IGNORED.contains(e.getKey())) {
                convert(e.getKey(), e.getValue(), node.children(), key);
            }
        });
        return node;
    }

    /** {@code prefix:local} as {@code {uri}local} when the prefix is known; other keys stay. */
    String expandKey(String key) {
        int colon = key.indexOf(':');
        if (colon > 0) {
            String uri = ns.get(key.substring(0, colon));
            if (uri != null) {
                return "{" + uri + "}" + key.substring(colon + 1);
            }
        }
        return key;
    }

    /** CURIEs of GS1 vocabulary namespaces are expanded in values; other prefixes stay. */
    private String expandValue(String text) {
        int colon = text.indexOf(':');
        if (colon > 0) {
            String uri = ns.get(text.substring(0, colon));
            if (uri != null && (uri.startsWith("https://ref.gs1.org") || uri.startsWith("https://gs1.org"))) {
                return uri + text.substring(colon + 1);
            }
        }
        return text;
    }

    /** Bare CBV words become their web vocabulary URIs, as JSON-LD expansion with the EPCIS context does. */
    private String vocabulary(String field, String text) {
        if (text.isEmpty() || text.contains(":")) {
            return text;
        }
        String gs1 = ns.getOrDefault("gs1", "https://gs1.org/voc/");
        return switch (field) {
            case "bizStep" -> CBV + "BizStep-" + text;
            case "disposition", "persistentDisposition.set", "persistentDisposition.unset" -> CBV + "Disp-" + text;
            case "bizTransactionType" -> CBV + "BTT-" + text;
            case "sourceType", "destinationType" -> CBV + "SDT-" + text;
            case "errorReason", "errorDeclaration.reason" -> CBV + "ER-" + text;
            case "sensorReport.type", "sensorReport.exception", "sensorReport.component" -> gs1 + text;
            default -> text;
        };
    }
}
