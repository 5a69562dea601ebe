package org.openrfid.trace.service.epcis;

import java.util.List;
import java.util.Optional;

/** The EPCIS business context configured per location (port). */
public interface LocationConfigs {

    /** Up to {@code limit} configurations in location id order (code points) after {@code afterId} (null: from the start). */
    List<LocationConfig> page(String afterId, int limit);

    Optional<LocationConfig> find(String locationId);

    /** Every configuration (one row per configured location; read whole to resolve location filters). */
    List<LocationConfig> all();

    /**
     * Inserts or replaces the location's configuration.
     *
     * @return true when it was new
     * @throws IllegalArgumentException when the location is not registered
     */
    boolean put(LocationConfig c);

    /** @return false when the location had no configuration */
    boolean delete(String locationId);
}
