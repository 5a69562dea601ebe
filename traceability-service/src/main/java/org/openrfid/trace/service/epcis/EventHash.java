package org.openrfid.trace.service.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CBV 2.0 EPCIS event hash ({@code ni:///sha-256;…?ver=CBV2.0}): the canonical pre-hash string of
 * an event (fields in the defined order, list values sorted, identifiers as canonical GS1 Digital Links,
 * times in UTC at millisecond precision, vocabulary as CBV web URIs, extensions as
 * {@code {namespace}localName=value} sorted), hashed with SHA-256.
 *
 * <p>This class reads documents (namespaces, events, ignored fields) and hashes; the pre-hash string is
 * built by {@link PreHashTree} (JSON to the standard's field tree), {@link PreHashOrder} (the tree
 * written in canonical order) and {@link PreHashValues} (each value in canonical form).
 */
public final class EventHash {

    private static final Map<String, String> STANDARD_PREFIXES = Map.of("epcis", "https://ref.gs1.org/epcis/",
            "cbv", "https://ref.gs1.org/cbv/", "cbvmda", "urn:epcglobal:cbv:mda:", "gs1", "https://gs1.org/voc/",
            "rdfs", "http://www.w3.org/2000/01/rdf-schema#", "owl", "http://www.w3.org/2002/07/owl#",
            "xsd", "http://www.w3.org/2001/XMLSchema#", "dcterms", "http://purl.org/dc/terms/");

    private EventHash() {
    }

    /** The namespace prefixes in force for a document: the standard EPCIS context plus the document's own. */
    public static Map<String, String> namespaces(JsonNode context) {
        Map<String, String> ns = new LinkedHashMap<>(STANDARD_PREFIXES);
        if (context != null) {
            for (JsonNode c : context.isArray() ? context : List.of(context)) {
                if (c.isObject()) {
                    c.fields().forEachRemaining(e -> {
                        if (e.getValue().isTextual()) {
                            ns.put(e.getKey(), e.getValue().asText());
                        }
                    });
                }
            }
        }
        return ns;
    }

    /** The events of an EPCIS document or EPCIS query document, in document order. */
    public static List<JsonNode> events(JsonNode document) {
        JsonNode body = document.path("epcisBody");
        JsonNode list = body.has("eventList") ? body.get("eventList")
                : body.path("queryResults").path("resultsBody").path("eventList");
        List<JsonNode> out = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(out::add);
        } else if (body.has("event")) {
            out.add(body.get("event"));
        }
        return out;
    }

    /** The hash ids of all events of a document. */
    public static List<String> hashes(JsonNode document) {
        Map<String, String> ns = namespaces(document.get("@context"));
        Set<String> ignored = ignoredFields(document, ns);
        return events(document).stream().map(e -> hashOf(preHash(e, ns, ignored))).toList();
    }

    public static String hash(JsonNode event, Map<String, String> namespaces) {
        return hashOf(preHash(event, namespaces));
    }

    /**
     * Fields a document declares to be left out of the hash (an {@code ignoreFields} list in any namespace,
     * outside the events), as expanded names.
     */
    public static Set<String> ignoredFields(JsonNode document, Map<String, String> namespaces) {
        Set<String> out = new HashSet<>();
        collectIgnored(document, new PreHashTree(namespaces), out);
        return out;
    }

    private static void collectIgnored(JsonNode node, PreHashTree names, Set<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String key = e.getKey();
                if ("eventList".equals(key)) {
                    return;
                }
                if (key.equals("ignoreFields") || key.endsWith(":ignoreFields")) {
                    e.getValue().forEach(v -> out.add(names.expandKey(v.asText())));
                } else {
                    collectIgnored(e.getValue(), names, out);
                }
            });
        }
    }

    public static String hashOf(String preHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(preHash.getBytes(StandardCharsets.UTF_8));
            return "ni:///sha-256;" + HexFormat.of().formatHex(digest) + "?ver=CBV2.0";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical pre-hash string of one event. */
    public static String preHash(JsonNode event, Map<String, String> namespaces) {
        return preHash(event, namespaces, Set.of());
    }

    public static String preHash(JsonNode event, Map<String, String> namespaces, Set<String> ignoredFields) {
        List<PreHashTree.Node> fields = new PreHashTree(namespaces).fields(event, ignoredFields);
        return "eventType=" + event.path("type").asText() + PreHashOrder.of(fields);
    }

    /** A timestamp in UTC with millisecond precision (rounded), or the text unchanged if it is none. */
    public static String utcMillis(String text) {
        return PreHashValues.utcMillis(text);
    }
}
