package org.openrfid.trace.service.epcis;

import static org.openrfid.trace.service.epcis.PreHashValues.canonical;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.openrfid.trace.service.epcis.PreHashTree.Node;

/**
 * Writes an event's field tree as the CBV 2.0 pre-hash string: the standard fields first, in the order
 * the standard defines (recursively for the structured ones), then every other field (extensions,
 * user fields) sorted; repeated fields and list members sorted among themselves, so the string does
 * not depend on the order a document happens to list them in.
 */
final class PreHashOrder {

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

    private PreHashOrder() {
    }

    private static List<Order> leaves(String... names) {
        List<Order> out = new ArrayList<>();
        for (String n : names) {
            out.add(Order.leaf(n));
        }
        return out;
    }

    /** The pre-hash string of an event's fields (without the leading {@code eventType=}); consumes {@code fields}. */
    static String of(List<Node> fields) {
        return ordered(fields, EVENT_ORDER) + generic(fields);
    }

    /** The fields named in {@code order}, in that order, each removed from {@code children} as it is written. */
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

    /** Fields with no defined order: sorted by their own written form, at every depth. */
    private static String generic(List<Node> children) {
        List<String> values = new ArrayList<>();
        for (Node child : children) {
            String text = child.value() == null ? "" : canonical(child.name(), child.value().strip());
            values.add(child.name() + (text.isEmpty() ? "" : "=" + text) + generic(child.children()));
        }
        values.sort(null);
        return String.join("", values);
    }
}
