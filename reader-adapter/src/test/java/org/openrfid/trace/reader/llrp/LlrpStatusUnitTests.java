package org.openrfid.trace.reader.llrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.llrp.ltk.generated.enumerations.StatusCode;
import org.llrp.ltk.generated.messages.ADD_ROSPEC_RESPONSE;
import org.llrp.ltk.generated.parameters.LLRPStatus;
import org.llrp.ltk.types.UTF8String_UTF_8;

/** The one LLRPStatus reader, against statuses ltkjava writes. */
class LlrpStatusUnitTests {

    private static byte[] response(int code, String text) {
        LLRPStatus status = new LLRPStatus();
        status.setStatusCode(new StatusCode(code));
        status.setErrorDescription(new UTF8String_UTF_8(text));
        ADD_ROSPEC_RESPONSE r = new ADD_ROSPEC_RESPONSE();
        r.setLLRPStatus(status);
        return ClientMessages.encode(r, 7);
    }

    @Test
    void readsCodeAndDescriptionOfAResponse() {
        LlrpStatus status = LlrpStatus.at(response(StatusCode.A_Invalid, "ROSpecID 1 is zero or in use"), LlrpFrames.HEADER_LENGTH);
        assertThat(status).isEqualTo(new LlrpStatus(StatusCode.A_Invalid, "ROSpecID 1 is zero or in use"));
        assertThat(status.isSuccess()).isFalse();
        assertThat(status.codeName()).isEqualTo("A_Invalid(300)");
    }

    @Test
    void successHasAnEmptyDescription() {
        LlrpStatus status = LlrpStatus.at(response(StatusCode.M_Success, ""), LlrpFrames.HEADER_LENGTH);
        assertThat(status.isSuccess()).isTrue();
        assertThat(status.description()).isEmpty();
    }

    @Test
    void readsTheStatusInsideImpinjsEnableExtensionsResponse() {
        // CUSTOM_MESSAGE, vendor 25882, subtype 22, LLRPStatus(M_Success): as the simulator and Octane readers send it.
        byte[] frame = HexFormat.of().parseHex("07ff00000017000000020000651a16011f000800000000");
        assertThat(LlrpStatus.at(frame, LlrpFrames.HEADER_LENGTH + 5)).isEqualTo(new LlrpStatus(0, ""));
    }

    @Test
    void noStatusWhereAnotherParameterOrTooFewBytesAre() {
        byte[] frame = response(StatusCode.M_Success, "");
        assertThat(LlrpStatus.at(frame, LlrpFrames.HEADER_LENGTH + 1)).isNull();
        assertThat(LlrpStatus.at(Arrays.copyOf(frame, LlrpFrames.HEADER_LENGTH + 7), LlrpFrames.HEADER_LENGTH)).isNull();
    }

    @Test
    void aDescriptionLongerThanTheFrameIsCut() {
        byte[] frame = response(StatusCode.R_DeviceError, "reader on fire");
        byte[] cut = Arrays.copyOf(frame, frame.length - 5);
        assertThat(LlrpStatus.at(cut, LlrpFrames.HEADER_LENGTH)).isEqualTo(new LlrpStatus(StatusCode.R_DeviceError, "reader on"));
    }

    @Test
    void unknownCodesStillHaveAName() {
        assertThat(LlrpStatus.name(-1)).isEqualTo("status -1");
    }
}
