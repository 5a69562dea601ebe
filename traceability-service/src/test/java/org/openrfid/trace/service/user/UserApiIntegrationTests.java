package org.openrfid.trace.service.user;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.user.jdbc.UserStoreConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.TestPropertySource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/** The users and tokens API with the application's security rules on, over a real H2GIS store. */
@WebMvcTest
@TestPropertySource(properties = "RFID_ADMIN_PASSWORD=" + UserApiIntegrationTests.ADMIN_PW)
class UserApiIntegrationTests {

    static final String ADMIN_PW = "users-admin-test-pw";
    static final String PW = "correct-horse-battery";

    @Configuration
    @ComponentScan(basePackages = {"org.openrfid.trace.service.platform.web", "org.openrfid.trace.service.platform.security",
            "org.openrfid.trace.service.user.web"},
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests\\$.*"))
    @Import({UserConfiguration.class, UserStoreConfiguration.class, org.openrfid.trace.service.testsupport.AccessSlice.class})
    static class Slice {

        @Bean
        DataSource dataSource() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:users-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            Flyway.configure().dataSource(ds).locations("classpath:db/migration/h2").load().migrate();
            return ds;
        }

        @Bean
        java.time.Clock clock() {
            return java.time.Clock.systemUTC();
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource ds) {
            return new DataSourceTransactionManager(ds);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    private void createUser(String name, String roles, String password) throws Exception {
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", ADMIN_PW)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + name + "\",\"displayName\":\"Officer " + name + "\",\"roles\":" + roles
                                + ",\"password\":\"" + password + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value(name))
                .andExpect(jsonPath("$.password").doesNotExist())
                .andExpect(content().string(not(containsString(password))));
    }

    @Test
    void adminCreatesAUserWhoLogsInAndSeesThemselfAndDuplicatesAreRefused() throws Exception {
        createUser("traffic1", "[\"TRAFFIC\"]", PW);
        mvc.perform(get("/api/v1/users/traffic1").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("TRAFFIC"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(content().string(not(containsString("password"))))
                .andExpect(content().string(not(containsString("bcrypt"))));
        mvc.perform(get("/api/v1/users").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == 'traffic1')].roles[0]").value("TRAFFIC"))
                .andExpect(content().string(not(containsString("bcrypt"))));
        mvc.perform(get("/api/v1/me").with(httpBasic("traffic1", PW)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("traffic1"))
                .andExpect(jsonPath("$.displayName").value("Officer traffic1"))
                .andExpect(jsonPath("$.roles[0]").value("TRAFFIC"));
        mvc.perform(get("/api/v1/me").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("ADMIN"))
                .andExpect(jsonPath("$.roles[1]").value("OPERATOR"));
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", ADMIN_PW)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"traffic1\",\"roles\":[\"CUSTOMS\"],\"password\":\"" + PW + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value(409));
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", ADMIN_PW)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"admin\",\"roles\":[\"CUSTOMS\"],\"password\":\"" + PW + "\"}"))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/users/admin").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void shortPasswordsAndBadNamesGet400NamingTheField() throws Exception {
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", ADMIN_PW)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"lib1\",\"roles\":[\"LIBRARIAN\"],\"password\":\"elevenchars\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("password")));
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", ADMIN_PW)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"Lib 1\",\"roles\":[\"LIBRARIAN\"],\"password\":\"" + PW + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("username")));
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", ADMIN_PW)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"lib1\",\"roles\":[\"JANITOR\"],\"password\":\"" + PW + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("roles")));
        mvc.perform(get("/api/v1/users/lib1").with(httpBasic("admin", ADMIN_PW))).andExpect(status().isNotFound());
    }

    @Test
    void nonAdminsGet403OnTheUsersApiAndOnOthersTokens() throws Exception {
        createUser("customs1", "[\"CUSTOMS\",\"AUDITOR\"]", PW);
        createUser("customs2", "[\"CUSTOMS\"]", PW);
        mvc.perform(get("/api/v1/users").with(httpBasic("customs1", PW))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users/customs1").with(httpBasic("customs1", PW))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users").with(httpBasic("customs1", PW)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"x-y-z\",\"roles\":[\"ADMIN\"],\"password\":\"" + PW + "\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users/customs2/tokens").with(httpBasic("customs1", PW))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users/customs2/tokens").with(httpBasic("customs1", PW))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users/customs1/tokens").with(httpBasic("customs1", PW))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/users")).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenAuthenticatesAsBearerUntilItIsRevoked() throws Exception {
        createUser("ingest1", "[\"INGEST\"]", PW);
        String body = mvc.perform(post("/api/v1/users/ingest1/tokens").with(httpBasic("ingest1", PW))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"gantry-7\",\"expiresInDays\":30}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.expiresAt").isString())
                .andReturn().getResponse().getContentAsString();
        JsonNode created = json.readTree(body);
        String token = created.get("token").asText();
        long id = created.get("id").asLong();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("ingest1"))
                .andExpect(jsonPath("$.roles[0]").value("INGEST"));
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users/ingest1/tokens").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("gantry-7"))
                .andExpect(jsonPath("$[0].revoked").value(false))
                .andExpect(content().string(not(containsString(token))));
        mvc.perform(post("/api/v1/users/ingest1/tokens").with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"expiresInDays\":366}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("expiresInDays")));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token + "x")).andExpect(status().isUnauthorized());

        mvc.perform(delete("/api/v1/users/ingest1/tokens/" + id).header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/users/ingest1/tokens").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(jsonPath("$[0].revoked").value(true));
    }

    @Test
    void aDisabledUserCannotLogInNorUseTokensAndADeletedOneIsGone() throws Exception {
        createUser("logi1", "[\"LOGISTICS\"]", PW);
        String token = json.readTree(mvc.perform(post("/api/v1/users/logi1/tokens").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("token").asText();
        mvc.perform(get("/api/v1/me").with(httpBasic("logi1", PW))).andExpect(status().isOk());
        mvc.perform(put("/api/v1/users/logi1").with(httpBasic("admin", ADMIN_PW)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"Dock staff\",\"roles\":[\"LOGISTICS\"],\"enabled\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/v1/me").with(httpBasic("logi1", PW))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/v1/users/logi1").with(httpBasic("admin", ADMIN_PW)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"LOGISTICS\"],\"enabled\":true}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").with(httpBasic("logi1", PW))).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/users/logi1").with(httpBasic("admin", ADMIN_PW))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").with(httpBasic("logi1", PW))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/users/logi1").with(httpBasic("admin", ADMIN_PW))).andExpect(status().isNotFound());
    }

    @Test
    void disablingAUserEndsItsFormLoginSession() throws Exception {
        createUser("traffic2", "[\"TRAFFIC\"]", PW);
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("traffic2").password(PW))
                .andExpect(status().is3xxRedirection())
                .andReturn().getRequest().getSession(false);
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isOk()).andExpect(jsonPath("$.username").value("traffic2"));
        mvc.perform(put("/api/v1/users/traffic2").with(httpBasic("admin", ADMIN_PW)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"TRAFFIC\"],\"enabled\":false}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isUnauthorized());
    }
}
