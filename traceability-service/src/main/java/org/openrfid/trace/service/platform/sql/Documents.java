package org.openrfid.trace.service.platform.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Plain value records kept whole in one text column (with the columns queries need beside it): the
 * record's components as JSON, instants as ISO-8601 text. For stores whose rows are read whole and
 * never searched inside.
 */
public final class Documents {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Documents() {
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not storable as a document: " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String text, Class<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored document is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
