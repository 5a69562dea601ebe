package org.openrfid.trace.web.registry;

import java.util.List;

/**
 * One page of a registry as the table shows it.
 *
 * @param columns message keys of the column headings
 * @param next    the cursor of the next page, null on the last
 * @param total   objects in the registry (all of them, not only those matching the search)
 */
record RegistryPage(List<String> columns, List<Row> rows, String next, long total) {

    /** One object: its cells in column order, and its page in the console (null when it has none). */
    record Row(List<String> cells, String href) {
    }
}
