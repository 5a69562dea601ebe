package org.openrfid.trace.access;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/** The role matrix on the embedded default store. */
@AutoConfigureObservability // the prometheus endpoint is one of the areas
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=false",
        "RFID_ADMIN_PASSWORD=" + RoleMatrixContractTests.ADMIN_PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:role-matrix;DB_CLOSE_DELAY=-1",
})
class H2gisRoleMatrixIntegrationTests extends RoleMatrixContractTests {
}
