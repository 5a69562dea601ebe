package org.openrfid.trace.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rfid.demo.*}: the built-in demo. On by default so a first start shows a living dashboard;
 * {@code rfid.demo.enabled=false} starts with no simulator and no demo data.
 *
 * @param enabled   start the LLRP reader simulator and load the demo city
 * @param timeScale scenario speed (2.0 plays twice as fast)
 * @param registries import the demo city's registries (vehicles, goods, pallets, library items, watchlist) so its anomalies alert
 */
@ConfigurationProperties("rfid.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1.0") double timeScale,
                             @DefaultValue("true") boolean registries) {
}
