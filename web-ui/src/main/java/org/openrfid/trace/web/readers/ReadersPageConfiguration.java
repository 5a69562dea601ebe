package org.openrfid.trace.web.readers;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.openrfid.trace.web.console.ConsoleZone;
import org.openrfid.trace.web.console.DisplayNames;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The readers pages' rows and their live updates (every 2 s, when something changed). */
@Configuration(proxyBeanMethods = false)
class ReadersPageConfiguration {

    @Bean
    ReaderRows readerRows(ReaderConnections readers, DisplayNames names) {
        return new ReaderRows(readers, names);
    }

    @Bean(destroyMethod = "close")
    ReaderStateFeed readerStateFeed(ReaderRows rows, MessageSource messages, ConsoleZone zone, ObjectMapper json) {
        return new ReaderStateFeed(rows, messages, zone, json, Duration.ofSeconds(2));
    }
}
