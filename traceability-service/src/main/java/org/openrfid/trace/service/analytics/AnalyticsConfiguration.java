package org.openrfid.trace.service.analytics;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code rfid.analytics.*}; the adapter comes from {@code jdbc.AnalyticsStoreConfiguration}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalyticsProperties.class)
class AnalyticsConfiguration {
}
