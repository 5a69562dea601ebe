package org.openrfid.trace.service.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class ProblemResponsesUnitTests {

    @Test
    void writesAProblemDetailThatStaysJsonWhateverTheDetailHolds() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ProblemResponses.write(response, 429, "Too Many Requests", "user \"a\\b\"\nwaits");
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode body = new ObjectMapper().readTree(response.getContentAsString());
        assertThat(body.path("status").asInt()).isEqualTo(429);
        assertThat(body.path("title").asText()).isEqualTo("Too Many Requests");
        assertThat(body.path("detail").asText()).isEqualTo("user \"a\\b\"\nwaits");
    }
}
