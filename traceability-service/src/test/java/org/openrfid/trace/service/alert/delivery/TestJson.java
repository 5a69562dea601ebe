package org.openrfid.trace.service.alert.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** An ObjectMapper configured as Spring Boot configures the application's (Instants as ISO-8601 text), for tests without a context. */
final class TestJson {

    private TestJson() {
    }

    static ObjectMapper mapper() {
        return Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS).build();
    }
}
