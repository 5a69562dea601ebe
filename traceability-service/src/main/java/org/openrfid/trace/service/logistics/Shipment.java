package org.openrfid.trace.service.logistics;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.service.registry.goods.GoodsFields;

/**
 * An expected shipment (advance shipping notice): the pallets (SSCC) and items (SGTIN EPCs, kept as
 * hex) that should pass a dock door within a window.
 *
 * @param expectedFrom start of the window (inclusive)
 * @param expectedTo   end of the window (exclusive)
 */
public record Shipment(String id, String dockDoor, Instant expectedFrom, Instant expectedTo, List<String> ssccs, List<String> sgtins) {

    public Shipment {
        if (id == null || !id.trim().matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("id: '" + id + "' is not 1..64 of letters, digits, '-', '_', '.'");
        }
        id = id.trim();
        if (dockDoor == null || dockDoor.isBlank() || dockDoor.length() > 64) {
            throw new IllegalArgumentException("dock_door: a location id of 1..64 characters is required");
        }
        dockDoor = dockDoor.trim();
        Objects.requireNonNull(expectedFrom, "expected_from: required");
        Objects.requireNonNull(expectedTo, "expected_to: required");
        if (!expectedTo.isAfter(expectedFrom)) {
            throw new IllegalArgumentException("expected_to: " + expectedTo + " is not after expected_from " + expectedFrom);
        }
        List<String> s = ssccs == null ? List.of() : ssccs;
        ssccs = named("ssccs", () -> List.copyOf(new LinkedHashSet<>(s.stream().map(GoodsFields::sscc).toList())));
        List<String> g = sgtins == null ? List.of() : sgtins;
        sgtins = named("sgtins", () -> List.copyOf(new LinkedHashSet<>(g.stream().map(x -> EpcInput.parse(x).toHex()).toList())));
        if (ssccs.isEmpty() && sgtins.isEmpty()) {
            throw new IllegalArgumentException("ssccs: a shipment expects pallets (ssccs) or items (sgtins)");
        }
    }

    public boolean expectedAt(Instant t) {
        return !t.isBefore(expectedFrom) && t.isBefore(expectedTo);
    }

    private static <T> T named(String field, Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }
}
