package org.openrfid.trace.service.customs;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.service.registry.goods.GoodsFields;
import org.openrfid.trace.service.registry.vehicle.VehicleFields;

/**
 * A customs declaration: what a consignment's shipper declared, and how far it got.
 *
 * @param number      the declaration number, its id (1..64 of letters, digits, '-', '_', '.')
 * @param container   ISO 6346 container number, or null
 * @param truckPlate  the plate of the truck carrying it (normalised), or null
 * @param epcs        declared tagged units by EPC (hex, any accepted input form on the way in)
 * @param ssccs       declared pallets by SSCC
 * @param gtins       declared goods by GTIN and count
 * @param declaredAt  when it was first registered
 */
public record Declaration(String number, String consignment, String container, String truckPlate, List<String> epcs, List<String> ssccs,
                          List<GtinQuantity> gtins, DeclarationStatus status, Instant declaredAt) {

    public Declaration {
        if (number == null || !number.trim().matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("number: '" + number + "' is not 1..64 of letters, digits, '-', '_', '.'");
        }
        number = number.trim();
        String c = consignment;
        consignment = named("consignment", () -> GoodsFields.optionalText(c, 64));
        container = container == null || container.isBlank() ? null : container(container);
        String plate = truckPlate;
        truckPlate = truckPlate == null || truckPlate.isBlank() ? null : named("truck_plate", () -> VehicleFields.plate(plate));
        List<String> e = epcs == null ? List.of() : epcs;
        epcs = named("epcs", () -> List.copyOf(new LinkedHashSet<>(e.stream().map(x -> EpcInput.parse(x).toHex()).toList())));
        List<String> s = ssccs == null ? List.of() : ssccs;
        ssccs = named("ssccs", () -> List.copyOf(new LinkedHashSet<>(s.stream().map(GoodsFields::sscc).toList())));
        gtins = gtins == null ? List.of() : List.copyOf(gtins);
        if (gtins.stream().map(GtinQuantity::gtin).distinct().count() != gtins.size()) {
            throw new IllegalArgumentException("gtins: a GTIN is declared twice; give its total once");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(declaredAt, "declaredAt");
        if (epcs.isEmpty() && ssccs.isEmpty() && gtins.isEmpty()) {
            throw new IllegalArgumentException("epcs: a declaration declares goods: give epcs, ssccs or gtins");
        }
    }

    public Declaration withStatus(DeclarationStatus s) {
        return new Declaration(number, consignment, container, truckPlate, epcs, ssccs, gtins, s, declaredAt);
    }

    /** The value, or the problem with the field's name in front (how CSV imports and 400s say which field). */
    private static <T> T named(String field, java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    /** ISO 6346: owner code (3 letters), category (U, J or Z), 6 digits and a check digit (shape only); upper-cased, spaces dropped. */
    static String container(String text) {
        String c = text.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (!c.matches("[A-Z]{3}[UJZ][0-9]{7}")) {
            throw new IllegalArgumentException("container: '" + text + "' is not an ISO 6346 number such as CSQU3054383");
        }
        return c;
    }
}
