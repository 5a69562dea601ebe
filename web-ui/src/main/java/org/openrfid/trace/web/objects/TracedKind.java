package org.openrfid.trace.web.objects;

import java.util.Locale;
import org.openrfid.trace.service.registry.binding.ObjectKind;

/**
 * What an object page can be about: the four tagged kinds, containers (untagged, placed by the pallets
 * aggregated into them) and a raw tag. {@link #scopeKind()} is the kind whose visibility opens it.
 */
public enum TracedKind {
    VEHICLE("vehicles"), GOODS("goods"), PALLET("pallets"), CONTAINER("containers"), LIBRARY_ITEM("library-items"), TAG("tags");

    private final String path;

    TracedKind(String path) {
        this.path = path;
    }

    /** The page's path segment ({@code /vehicles/{id}}). */
    public String path() {
        return path;
    }

    public String href(String id) {
        return "/" + path + "/" + id;
    }

    /** The privacy kind that must be in the caller's scope; null for raw tags (any desk may look a tag up). */
    public String scopeKind() {
        return switch (this) {
            case CONTAINER -> ObjectKind.PALLET.name();
            case TAG -> null;
            default -> name();
        };
    }

    /** Accepts the name or the path segment in any case ({@code vehicle}, {@code library-items}). */
    public static TracedKind parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (TracedKind k : values()) {
            if (k.path.equals(t) || k.name().toLowerCase(Locale.ROOT).equals(t.replace('-', '_'))) {
                return k;
            }
        }
        throw new IllegalArgumentException("kind: '" + (t.length() > 20 ? t.substring(0, 20) : t) + "' is not an object kind");
    }

    public static TracedKind of(ObjectKind kind) {
        return valueOf(kind.name());
    }
}
