package org.openrfid.trace.library;

import org.springframework.boot.test.context.SpringBootTest;

/** The library contract on the embedded default store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=false",
        // each pass of the gate book its own gate transaction (the default window of 5 s could join them)
        "rfid.gate.window=1s",
        "RFID_ADMIN_PASSWORD=" + LibraryContractTests.ADMIN_PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:library-contract;DB_CLOSE_DELAY=-1",
})
class H2gisLibraryIntegrationTests extends LibraryContractTests {
}
