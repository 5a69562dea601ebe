package org.openrfid.trace.service.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureUnitTests {

    @Test
    void signsAsRfc4231TestCaseTwo() {
        // RFC 4231 section 4.3: key "Jefe", data "what do ya want for nothing?"
        assertThat(WebhookSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void verifiesOnlyTheSameBodyWithTheSameSecret() {
        byte[] body = "{\"seq\":1}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignature.sign("s3cret-s3cret-s3cret", body);
        assertThat(WebhookSignature.verify("s3cret-s3cret-s3cret", body, header)).isTrue();
        assertThat(WebhookSignature.verify("another-secret-here", body, header)).isFalse();
        assertThat(WebhookSignature.verify("s3cret-s3cret-s3cret", "{\"seq\":2}".getBytes(StandardCharsets.UTF_8), header)).isFalse();
        assertThat(WebhookSignature.verify("s3cret-s3cret-s3cret", body, null)).isFalse();
    }
}
