package org.openrfid.trace.library;

import org.junit.jupiter.api.AfterAll;
import org.openrfid.trace.service.testsupport.PostgisTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The library contract on the production store: PostgreSQL + PostGIS, in a schema of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=false",
        // each pass of the gate book its own gate transaction (the default window of 5 s could join them)
        "rfid.gate.window=1s",
        "RFID_ADMIN_PASSWORD=" + LibraryContractTests.ADMIN_PASSWORD,
})
class PostgisLibraryIntegrationTests extends LibraryContractTests {

    static final PostgisTestDatabase DATABASE = PostgisTestDatabase.createSchema();

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", () -> PostgisTestDatabase.USER);
        registry.add("spring.datasource.password", () -> PostgisTestDatabase.PASSWORD);
        registry.add("spring.flyway.schemas", DATABASE::schema);
    }

    @AfterAll
    static void dropSchema() {
        DATABASE.drop();
    }
}
