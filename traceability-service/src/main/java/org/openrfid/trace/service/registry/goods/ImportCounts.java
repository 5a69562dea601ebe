package org.openrfid.trace.service.registry.goods;

/** Counts of one object-file import: data rows, objects created and updated, tag bindings (or intervals) opened. */
public record ImportCounts(long rows, long created, long updated, long bindingsOpened) {
}
