package org.openrfid.trace.web.registry;

import java.io.Reader;
import java.io.Writer;
import org.openrfid.trace.service.platform.web.csv.CsvProgress;
import org.openrfid.trace.service.registry.goods.GoodsCsv;
import org.openrfid.trace.service.registry.goods.ImportCounts;
import org.openrfid.trace.service.registry.goods.PalletCsv;
import org.openrfid.trace.service.registry.library.LibraryItemCsv;
import org.openrfid.trace.service.registry.vehicle.VehicleCsv;
import org.openrfid.trace.service.registry.watchlist.WatchlistCsv;
import org.springframework.stereotype.Component;

/** Each registry's own CSV importer and exporter (the API's), behind one switch on the kind. */
@Component
class RegistryFiles {

    private final VehicleCsv vehicles;
    private final GoodsCsv goods;
    private final PalletCsv pallets;
    private final LibraryItemCsv library;
    private final WatchlistCsv watchlist;

    RegistryFiles(VehicleCsv vehicles, GoodsCsv goods, PalletCsv pallets, LibraryItemCsv library, WatchlistCsv watchlist) {
        this.vehicles = vehicles;
        this.goods = goods;
        this.pallets = pallets;
        this.library = library;
        this.watchlist = watchlist;
    }

    /** All or nothing: a refused file throws {@code CsvRejectedException} with its line-numbered problems. */
    ImportCounts importFile(RegistryKind kind, Reader in, CsvProgress progress) {
        return switch (kind) {
            case VEHICLES -> {
                VehicleCsv.ImportResult r = vehicles.importFile(in, progress);
                yield new ImportCounts(r.rows(), r.created(), r.updated(), r.bindingsOpened());
            }
            case GOODS -> goods.importFile(in, progress);
            case PALLETS -> pallets.importFile(in, progress);
            case LIBRARY_ITEMS -> library.importFile(in, progress);
            case WATCHLIST -> watchlist.importFile(in, progress);
        };
    }

    long exportFile(RegistryKind kind, Writer out) {
        return switch (kind) {
            case VEHICLES -> vehicles.exportFile(out);
            case GOODS -> goods.exportFile(out);
            case PALLETS -> pallets.exportFile(out);
            case LIBRARY_ITEMS -> library.exportFile(out);
            case WATCHLIST -> watchlist.exportFile(out);
        };
    }
}
