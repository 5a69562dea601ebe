package org.openrfid.trace.web.registry;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.openrfid.trace.service.registry.goods.GoodsCsv;
import org.openrfid.trace.service.registry.goods.PalletCsv;
import org.openrfid.trace.service.registry.library.LibraryItemCsv;
import org.openrfid.trace.service.registry.vehicle.VehicleCsv;
import org.openrfid.trace.service.registry.watchlist.WatchlistCsv;

/**
 * The registries the page works on, each with its slug in the path, its file name and the columns of its
 * import format (those of the service's CSV importers, so the page's hint cannot drift from what is checked).
 *
 * @param auditName the word the API's audit actions use for it ({@code VEHICLE_EXPORT}, {@code GOODS_IMPORT}, …)
 */
enum RegistryKind {
    VEHICLES("vehicles", "vehicles.csv", "VEHICLE", VehicleCsv.COLUMNS, VehicleCsv.OPTIONAL),
    GOODS("goods", "goods.csv", "GOODS", GoodsCsv.COLUMNS, GoodsCsv.OPTIONAL),
    PALLETS("pallets", "pallets.csv", "PALLET", PalletCsv.COLUMNS, PalletCsv.OPTIONAL),
    LIBRARY_ITEMS("library-items", "library-items.csv", "LIBRARY", LibraryItemCsv.COLUMNS, LibraryItemCsv.OPTIONAL),
    WATCHLIST("watchlist", "watchlist.csv", "WATCHLIST", WatchlistCsv.COLUMNS, WatchlistCsv.OPTIONAL);

    private final String slug;
    private final String fileName;
    private final String auditName;
    private final List<String> columns;
    private final List<String> optional;

    RegistryKind(String slug, String fileName, String auditName, List<String> columns, List<String> optional) {
        this.slug = slug;
        this.fileName = fileName;
        this.auditName = auditName;
        this.columns = columns;
        this.optional = optional;
    }

    static RegistryKind of(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no registry '" + slug + "'"));
    }

    public String slug() {
        return slug;
    }

    public String fileName() {
        return fileName;
    }

    String auditName() {
        return auditName;
    }

    public List<String> columns() {
        return columns;
    }

    public List<String> optional() {
        return optional;
    }
}
