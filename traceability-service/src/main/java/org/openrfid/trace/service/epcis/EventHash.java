package org.openrfid.trace.service.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CBV 2.0 EPCIS event hash ({@code ni:///sha-256;…?ver=CBV2.0}): the canonical pre-hash string of
 * an event (fields in the defined order, list values sorted, identifiers as canonical GS1 Digital Links,
 * times in UTC at millisecond precision, vocabulary as CBV web URIs, extensions as
 * {@code {namespace}localName=value} sorted), hashed with SHA-256.
 */
public final class EventHash {

    private EventHash() {
    }

    /** A field of the event in the XML-like model the algorithm is defined on. */
    private record Node(String name, String value, List<Node> children) {
        Node(String name, String value) {
            this(name, value, new ArrayList<>());
        }
    }

    /** Property order: name and the order of its children (null when it has none). */
    private record Order(String name, List<Order> children) {
        static Order leaf(String name) {
            return new Order(name, null);
        }
    }

    private static final List<Order> QUANTITY = List.of(new Order("quantityElement",
            List.of(Order.leaf("epcClass"), Order.leaf("quantity"), Order.leaf("uom"))));
    private static final List<Order> EPCS = List.of(Order.leaf("epc"));
    private static final List<Order> SENSOR_METADATA = leaves("time", "startTime", "endTime", "deviceID", "deviceMetadata",
            "rawData", "dataProcessingMethod", "bizRules");
    private static final List<Order> SENSOR_REPORT = leaves("type", "exception", "deviceID", "deviceMetadata", "rawData",
            "dataProcessingMethod", "time", "microorganism", "chemicalSubstance", "value", "component", "stringValue",
            "booleanValue", "hexBinaryValue", "uriValue", "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue",
            "uom", "coordinateReferenceSystem");
    private static final List<Order> EVENT_ORDER = List.of(
            Order.leaf("eventTime"), Order.leaf("eventTimeZoneOffset"), Order.leaf("certificationInfo"),
            new Order("epcList", EPCS), Order.leaf("parentID"), new Order("inputEPCList", EPCS), new Order("childEPCs", EPCS),
            new Order("quantityList", QUANTITY), new Order("childQuantityList", QUANTITY),
            new Order("inputQuantityList", QUANTITY), new Order("outputEPCList", EPCS),
            new Order("outputQuantityList", QUANTITY), Order.leaf("action"), Order.leaf("transformationID"),
            Order.leaf("bizStep"), Order.leaf("disposition"),
            new Order("persistentDisposition", leaves("set", "unset")),
            new Order("readPoint", leaves("id")), new Order("bizLocation", leaves("id")),
            new Order("sensorElementList", List.of(new Order("sensorElement", List.of(
                    new Order("sensorMetadata", SENSOR_METADATA), new Order("sensorReport", SENSOR_REPORT))))));

    private static final Set<String> EPC_LISTS = Set.of("epcList", "childEPCs", "inputEPCList", "outputEPCList");
    private static final Set<String> QUANTITY_LISTS = Set.of("quantityList", "childQuantityList", "inputQuantityList",
            "outputQuantityList");
    private static final Set<String> IGNORED = Set.of("eventID", "recordTime", "errorDeclaration", "#text", "rdfs:comment",
            "comment", "@context");
    private static final Map<String, String> STANDARD_PREFIXES = Map.of("epcis", "https://ref.gs1.org/epcis/",
            "cbv", "https://ref.gs1.org/cbv/", "cbvmda", "urn:epcglobal:cbv:mda:", "gs1", "https://gs1.org/voc/",
            "rdfs", "http://www.w3.org/2000/01/rdf-schema#", "owl", "http://www.w3.org/2002/07/owl#",
            "xsd", "http://www.w3.org/2001/XMLSchema#", "dcterms", "http://purl.org/dc/terms/");
    private static final String CBV = "https://ref.gs1.org/cbv/";
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private static List<Order> leaves(String... names) {
        List<Order> out = new ArrayList<>();
        for (String n : names) {
            out.add(Order.leaf(n));
        }
        return out;
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
        Set<String> out = new java.util.HashSet<>();
        Context cx = new Context(namespaces);
        collectIgnored(document, cx, out);
        return out;
    }

    private static void collectIgnored(JsonNode node, Context cx, Set<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String key = e.getKey();
                if ("eventList".equals(key)) {
                    return;
                }
                if (key.equals("ignoreFields") || key.endsWith(":ignoreFields")) {
                    e.getValue().forEach(v -> out.add(cx.expandKey(v.asText())));
                } else {
                    collectIgnored(e.getValue(), cx, out);
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
        Context cx = new Context(namespaces);
        List<Node> children = new ArrayList<>();
        event.fields().forEachRemaining(e -> {
            if (!"type".equals(e.getKey()) && !IGNORED.contains(e.getKey())
                    && !ignoredFields.contains(cx.expandKey(e.getKey()))) {
                cx.convert(e.getKey(), e.getValue(), children, null);
            }
        });
        return "eventType=" + event.path("type").asText() + ordered(children, EVENT_ORDER) + generic(children);
    }

    /** Builds the Node model of the JSON event: list members are named after their list, like in XML. */
    private record Context(Map<String, String> ns) {

        void convert(String key, JsonNode value, List<Node> into, String parent) {
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
                String member = key.substring(0, key.length() - 4);
                Node list = new Node(name, null);
                for (JsonNode v : value) {
                    // one pseudo element per entry: type first, then the value (no further sorting inside)
                    String type = v.hasNonNull("type") ? canonical("type", vocabulary(member + "Type", v.get("type").asText())) : "";
                    String text = v.hasNonNull(member) ? canonical(member, v.get(member).asText()) : "";
                    String s = (type.isEmpty() ? "" : "type=" + type) + (text.isEmpty() ? "" : member + "=" + text);
                    if (!s.isEmpty()) {
                        list.children().add(new Node(s, null));
                    }
                }
                into.add(list);
            } else if (value.isArray()) {
                for (JsonNode v : value) {
                    convert(key, v, into, parent);
                }
            } else if (value.isObject()) {
                into.add(object(name, value, key));
            } else if (!value.isNull()) {
                String text = value.isTextual() ? value.asText() : value.asText();
                into.add(new Node(name, vocabulary(parent == null ? key : parent + "." + key, expandValue(text))));
            }
        }

        Node object(String name, JsonNode obj, String key) {
            Node node = new Node(name, null);
            obj.fields().forEachRemaining(e -> {
                if (!IGNORED.contains(e.getKey())) {
                    convert(e.getKey(), e.getValue(), node.children(), key);
                }
            });
            return node;
        }

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
        String expandValue(String text) {
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
        String vocabulary(String field, String text) {
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

    private static String ordered(List<Node> children, List<Order> order) {
        StringBuilder out = new StringBuilder();
        for (Order o : order) {
            List<String> values = new ArrayList<>();
            for (Iterator<Node> it = children.iterator(); it.hasNext(); ) {
                Node child = it.next();
                if (!child.name().equals(o.name())) {
                    continue;
                }
                it.remove();
                String text = child.value() == null ? "" : canonical(child.name(), child.value().strip());
                String sub = o.children() != null ? ordered(child.children(), o.children()) + generic(child.children())
                        : generic(child.children());
                if (!text.isEmpty() || !sub.isEmpty()) {
                    values.add(child.name() + (text.isEmpty() ? "" : "=" + text) + sub);
                }
            }
            values.sort(null);
            values.forEach(out::append);
        }
        return out.toString();
    }

    private static String generic(List<Node> children) {
        List<String> values = new ArrayList<>();
        for (Node child : children) {
            String text = child.value() == null ? "" : canonical(child.name(), child.value().strip());
            values.add(child.name() + (text.isEmpty() ? "" : "=" + text) + generic(child.children()));
        }
        values.sort(null);
        return String.join("", values);
    }

    static String canonical(String name, String text) {
        String lower = name.toLowerCase();
        if (lower.contains("time") && !lower.contains("offset")) {
            return utcMillis(text);
        }
        text = text.replace("urn:epcglobal:cbv:bizstep:", CBV + "BizStep-")
                .replace("urn:epcglobal:cbv:disp:", CBV + "Disp-")
                .replace("urn:epcglobal:cbv:btt:", CBV + "BTT-")
                .replace("urn:epcglobal:cbv:sdt:", CBV + "SDT-")
                .replace("urn:epcglobal:cbv:er:", CBV + "ER-");
        text = numeric(text);
        return DigitalLinks.normalise(text);
    }

    /** Numbers lose leading "+", leading and trailing zeros; integral values lose ".0". */
    static String numeric(String text) {
        if (!NUMBER.matcher(text).matches()) {
            return text;
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) {
            return text;
        }
        if (d == Math.rint(d)) {
            return new BigDecimal(d).toBigInteger().toString();
        }
        String s = Double.toString(d);
        return s.contains("E") ? new BigDecimal(s).toPlainString() : s;
    }

    /** A timestamp in UTC with millisecond precision (rounded), or the text unchanged if it is none. */
    public static String utcMillis(String text) {
        Instant t;
        try {
            t = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                t = LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return text;
            }
        }
        return UTC_MILLIS.format(t.plusNanos(500_000).truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
    }
}
