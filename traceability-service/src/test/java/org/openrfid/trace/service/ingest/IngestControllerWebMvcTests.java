package org.openrfid.trace.service.ingest;

import org.openrfid.trace.pipeline.ingest.ReaderJsonMapper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.TagReadBatch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The ingest endpoints in a web slice (security filters off: the rules are the application's). */
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
class IngestControllerWebMvcTests {

    static final List<TagReadBatch> BATCHES = new CopyOnWriteArrayList<>();

    /** The reason the pipeline is held, or null while it moves. */
    static final AtomicReference<String> HELD = new AtomicReference<>();

    @Configuration
    @Import(IngestController.class)
    @EnableConfigurationProperties(IngestProperties.class)
    static class Slice {
        @Bean
        PipelineHold pipelineHold() {
            return () -> Optional.ofNullable(HELD.get());
        }

        @Bean
        DeadLetters deadLetters() {
            return new DeadLetters(10, Clock.systemUTC(), new SimpleMeterRegistry());
        }

        @Bean
        ReadIngest readIngest(DeadLetters deadLetters) {
            return new ReadIngest(new ReaderJsonMapper(new ObjectMapper()), BATCHES::add, deadLetters, Clock.systemUTC(), 1000,
                    new SimpleMeterRegistry());
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void acceptsReadsAndRefusesGarbageAsProblemDetail() throws Exception {
        mvc.perform(post("/api/v1/ingest/reads").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"readerId\":\"r9\",\"reads\":[{\"epc\":\"3034257BF7194E4000001A85\",\"antenna\":1,\"rssi\":-60}]}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.reads").value(1))
                .andExpect(jsonPath("$.rejected").value(0));
        assertThat(BATCHES).anySatisfy(b -> assertThat(b.readerId()).isEqualTo("r9"));

        mvc.perform(post("/api/v1/ingest/reads").contentType(MediaType.APPLICATION_JSON).content("{\"readerId\":\"r9\",\"reads\":[{\"epc\":\"XYZ\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("invalid_field"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("reads[0].epc:")));

        mvc.perform(post("/api/v1/ingest/reads").param("readerId", "fx-1").contentType("application/x-ndjson")
                        .content("{\"data\":{\"idHex\":\"3034257BF7194E4000001A85\",\"antenna\":1,\"peakRssi\":-50,\"reads\":1,\"eventNum\":1},\"timestamp\":\"2025-01-01T00:00:00Z\",\"type\":\"SIMPLE\"}\n{oops}\n"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.reads").value(1))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].reason").value("malformed_json"));

        mvc.perform(get("/api/v1/ingest/dead-letters"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].reason").value("malformed_json"))
                .andExpect(jsonPath("$[0].payload").value("{oops}"))
                .andExpect(jsonPath("$[1].reason").value("invalid_field"));
    }

    @Test
    void aHeldPipelineRefusesTheWholeRequestWith503AndRetryAfter() throws Exception {
        int before = BATCHES.size();
        HELD.set("the passage store is away and its spool is full");
        try {
            // one good message and one bad one: neither is taken, not even as a dead letter
            mvc.perform(post("/api/v1/ingest/reads").param("readerId", "fx-held").contentType("application/x-ndjson")
                            .content("{\"data\":{\"idHex\":\"3034257BF7194E4000001A99\",\"antenna\":1,\"peakRssi\":-50,\"reads\":1,"
                                    + "\"eventNum\":1},\"timestamp\":\"2025-01-01T00:00:00Z\",\"type\":\"SIMPLE\"}\n{held-garbage}\n"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "30"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:rfid-trace:problem:ingest-held"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("the passage store is away and its spool is full")));
        } finally {
            HELD.set(null);
        }
        assertThat(BATCHES).hasSize(before);
        mvc.perform(get("/api/v1/ingest/dead-letters"))
                .andExpect(jsonPath("$[*].payload").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("{held-garbage}"))));
    }
}
