package org.openrfid.trace.groundtruth;

import org.springframework.boot.test.context.SpringBootTest;

/** The alert ground truth on the embedded store: H2 with H2GIS. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=false",
        "RFID_ADMIN_PASSWORD=" + AlertGroundTruthContractTests.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:alert-groundtruth;DB_CLOSE_DELAY=-1",
})
class H2gisAlertGroundTruthIntegrationTests extends AlertGroundTruthContractTests {
}
