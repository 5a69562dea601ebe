package org.openrfid.trace.trade;

import org.springframework.boot.test.context.SpringBootTest;

/** The customs and logistics APIs on the embedded default store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=false",
        "RFID_ADMIN_PASSWORD=" + TradeApiContractTests.ADMIN_PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:trade-api;DB_CLOSE_DELAY=-1",
})
class H2gisTradeApiIntegrationTests extends TradeApiContractTests {
}
