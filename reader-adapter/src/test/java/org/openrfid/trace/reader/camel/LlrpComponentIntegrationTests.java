package org.openrfid.trace.reader.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.ReaderState;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;
import org.openrfid.trace.reader.simulator.LlrpReaderSimulator;
import org.openrfid.trace.reader.simulator.Scenario;

/** {@code from("llrp:...")} in a plain CamelContext against the simulator. */
class LlrpComponentIntegrationTests {

    @Test
    void routeReceivesOneTagReadBatchExchangePerReport() throws Exception {
        Scenario scenario = Scenario.fromClasspath("scenarios/gate.csv");
        try (LlrpReaderSimulator sim = LlrpReaderSimulator.builder().reader("r1", 0).scenario(scenario)
                .timeScale(4).catchUp(true).build().start();
                CamelContext camel = new DefaultCamelContext()) {
            int port = sim.port("r1");
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("llrp:r1?host=127.0.0.1&port=" + port + "&keepaliveMs=500&reportEveryMs=50&reportEveryTags=4")
                            .routeId("gate").to("mock:reads");
                }
            });
            camel.start();
            MockEndpoint mock = camel.getEndpoint("mock:reads", MockEndpoint.class);
            int expected = scenario.rowsFor("r1").size();
            await().atMost(Duration.ofSeconds(10)).until(() -> mock.getExchanges().stream()
                    .mapToInt(e -> e.getIn().getBody(TagReadBatch.class).size()).sum() >= expected);

            List<Exchange> exchanges = mock.getExchanges();
            assertThat(exchanges).allSatisfy(e -> {
                assertThat(e.getIn().getBody()).isInstanceOf(TagReadBatch.class);
                assertThat(e.getIn().getHeader(LlrpEndpoint.READER_ID_HEADER)).isEqualTo("r1");
            });
            List<TagRead> reads = exchanges.stream().flatMap(e -> e.getIn().getBody(TagReadBatch.class).reads().stream()).toList();
            assertThat(reads).hasSize(expected);
            assertThat(reads).extracting(TagRead::epc).containsExactlyInAnyOrderElementsOf(
                    scenario.rowsFor("r1").stream().map(r -> r.epc()).toList());

            LlrpComponent component = camel.getComponent("llrp", LlrpComponent.class);
            assertThat(component.getStatusBoard().status("r1")).hasValueSatisfying(
                    s -> assertThat(s.state()).isEqualTo(ReaderState.CONNECTED));
            camel.getRouteController().stopRoute("gate");
            assertThat(component.getStatusBoard().statuses()).isEmpty();
        }
    }
}
