package org.openrfid.trace.e2e;

import org.springframework.boot.test.context.SpringBootTest;

/** End to end on the embedded default store (H2GIS, in memory for the test). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=false",
        "RFID_ADMIN_PASSWORD=" + EndToEndContractTests.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1",
})
class H2gisEndToEndIntegrationTests extends EndToEndContractTests {
}
