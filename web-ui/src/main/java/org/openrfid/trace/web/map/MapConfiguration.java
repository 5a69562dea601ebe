package org.openrfid.trace.web.map;

import java.time.Clock;
import java.time.Duration;
import org.openrfid.trace.service.analytics.Analytics;
import org.openrfid.trace.web.console.DisplayNames;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MapConfiguration {

    @Bean
    MapSettings mapSettings(@Value("${rfid.ui.map.tiles:}") String tiles, @Value("${rfid.ui.map.attribution:}") String attribution,
                            @Value("${rfid.ui.map.tiles-crs:WGS84}") String crs) {
        return new MapSettings(tiles, attribution, crs);
    }

    @Bean
    MapActivity mapActivity(Analytics analytics, DisplayNames names, Clock clock,
                            @Value("${rfid.ui.map.activity-window:5m}") Duration window) {
        return new MapActivity(analytics, names, clock, window);
    }

    @Bean(destroyMethod = "close")
    MapFeed mapFeed(MapActivity activity, @Value("${rfid.ui.map.counts-every:5s}") Duration every) {
        return new MapFeed(activity, every);
    }
}
