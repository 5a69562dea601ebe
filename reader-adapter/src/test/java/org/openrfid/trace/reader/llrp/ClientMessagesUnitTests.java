package org.openrfid.trace.reader.llrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llrp.ltk.generated.messages.ADD_ROSPEC;
import org.llrp.ltk.generated.parameters.AISpec;

class ClientMessagesUnitTests {

    private static final LlrpReaderConfig CONFIG = LlrpReaderConfig.of("r", "127.0.0.1", 5084);

    private static List<Integer> antennaIds(int reported) {
        ADD_ROSPEC m = (ADD_ROSPEC) ClientMessages.addRoSpec(CONFIG, reported);
        AISpec ai = (AISpec) m.getROSpec().getSpecParameterList().get(0);
        List<Integer> ids = new java.util.ArrayList<>();
        for (int i = 0; i < ai.getAntennaIDs().size(); i++) {
            ids.add(ai.getAntennaIDs().get(i).toInteger());
        }
        return ids;
    }

    @Test
    void listsTheAntennasTheReaderReports() {
        assertThat(antennaIds(4)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void asksForAllAntennasWhenTheReaderDoesNotSayHowMany() {
        assertThat(antennaIds(0)).containsExactly(0);
    }

    /**
     * Regression (found by LlrpFuzzingUnitTests, client set-up): a capabilities answer claiming 32516
     * antennas (one flipped bit in MaxNumberOfAntennaSupported) made the set-up build an ADD_ROSPEC
     * listing them all, and ltkjava encodes such an array in quadratic time and memory: 2.28 GB
     * allocated for a 2 KB input. Beyond what any reader has, the ROSpec now asks for all antennas (0).
     */
    @Test
    void anImplausibleAntennaCountAsksForAllAntennasInstead() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        byte[] frame = ClientMessages.encode(ClientMessages.addRoSpec(CONFIG, 65535), 1);
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(16L << 20);
        assertThat(frame.length).isLessThan(1024);
        assertThat(antennaIds(65535)).containsExactly(0);
        assertThat(antennaIds(ClientMessages.MAX_LISTED_ANTENNAS)).hasSize(ClientMessages.MAX_LISTED_ANTENNAS);
    }
}
