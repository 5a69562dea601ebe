package org.openrfid.trace.library;

import org.springframework.boot.test.context.SpringBootTest;

/** The library contract on the embedded default store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=false",
        "RFID_ADMIN_PASSWORD=" + LibraryContractTests.ADMIN_PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:library-contract;DB_CLOSE_DELAY=-1",
})
class H2gisLibraryIntegrationTests extends LibraryContractTests {
}
