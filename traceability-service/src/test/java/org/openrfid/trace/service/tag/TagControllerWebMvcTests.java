package org.openrfid.trace.service.tag;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The controller in a web slice of its own (nested configuration, security filters off: the security
 * rules are the application's and tested there).
 */
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
class TagControllerWebMvcTests {

    @Configuration
    @Import(TagController.class)
    static class Slice {
    }

    @Autowired
    MockMvc mvc;

    @Test
    void decodesHexToEveryRepresentation() throws Exception {
        mvc.perform(get("/api/v1/tags/decode").param("epc", "3074257BF7194E4000001A85"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scheme").value("sgtin-96"))
                .andExpect(jsonPath("$.filter").value(3))
                .andExpect(jsonPath("$.tagUri").value("urn:epc:tag:sgtin-96:3.0614141.812345.6789"))
                .andExpect(jsonPath("$.pureIdentityUri").value("urn:epc:id:sgtin:0614141.812345.6789"))
                .andExpect(jsonPath("$.gs1ElementString").value("(01)80614141123458(21)6789"))
                .andExpect(jsonPath("$.digitalLink").value("https://id.gs1.org/01/80614141123458/21/6789"))
                .andExpect(jsonPath("$.fields.gtin").value("80614141123458"))
                .andExpect(jsonPath("$.epc").value("3074257BF7194E4000001A85"))
                .andExpect(jsonPath("$.bits").value(96));
    }

    @Test
    void acceptsUrisDigitalLinksBitLengthsAndPcWords() throws Exception {
        mvc.perform(get("/api/v1/tags/decode").param("epc", "urn:epc:id:sscc:0614141.1234567890"))
                .andExpect(jsonPath("$.tagUri").value("urn:epc:tag:sscc-96:0.0614141.1234567890"));
        mvc.perform(get("/api/v1/tags/decode").param("epc", "https://id.gs1.org/00/106141412345678908").param("gcp", "7"))
                .andExpect(jsonPath("$.pureIdentityUri").value("urn:epc:id:sscc:0614141.1234567890"));
        mvc.perform(get("/api/v1/tags/decode").param("epc", "3674257BF6B7A659B2C2BF100000000000000000000000000000".substring(0, 50))
                        .param("bits", "198"))
                .andExpect(jsonPath("$.scheme").value("sgtin-198"))
                .andExpect(jsonPath("$.bits").value(198));
        mvc.perform(get("/api/v1/tags/decode").param("epc", "3074257BF7194E4000001A85").param("pc", "31A1"))
                .andExpect(jsonPath("$.scheme").value("iso-uii"))
                .andExpect(jsonPath("$.fields.afi").value("A1"));
        // A library item's UII (ISO/TS 28560-4:2014 example, see LibraryUiiDecoderUnitTests): ISIL and item id.
        mvc.perform(get("/api/v1/tags/decode").param("epc", "141CC04FC70BADB5C6E2DA1DED4DD319").param("pc", "45C2"))
                .andExpect(jsonPath("$.scheme").value("library-uii"))
                .andExpect(jsonPath("$.fields.isil").value("CH-000134-1"))
                .andExpect(jsonPath("$.fields.primaryItemId").value("12345678"));
    }

    @Test
    void encodesTagUris() throws Exception {
        mvc.perform(get("/api/v1/tags/encode").param("uri", "urn:epc:tag:giai-202:3.0614141.32a%2Fb"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.epc").value("3874257BF59B2C2BF10000000000000000000000000000000000"))
                .andExpect(jsonPath("$.bits").value(202));
    }

    @Test
    void answersBadInputWithAProblemDetailNamingTheReason() throws Exception {
        mvc.perform(get("/api/v1/tags/decode").param("epc", "303C83F1B7DD441678901234"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("sgtin-96: partition value 7 is not defined (TDS 1.13 section 14.5 partition table)"));
        mvc.perform(get("/api/v1/tags/decode").param("epc", "30285471BD5A0A56789G1234"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("non-hex character 'G'")));
        mvc.perform(get("/api/v1/tags/decode").param("epc", "3074257BF7194E4000001A85").param("pc", "xyz"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/tags/encode").param("uri", "urn:epc:tag:sgtin-96:9.0614141.812345.6789"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("filter '9'")));
    }
}
